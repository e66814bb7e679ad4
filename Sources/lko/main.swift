import LKOCLI

await LKOMain.run()
