// Module LKOCLI.
