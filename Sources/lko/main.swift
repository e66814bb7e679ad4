import LKOCLI
