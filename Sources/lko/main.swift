import LKOCLI

LKOMain.run()
