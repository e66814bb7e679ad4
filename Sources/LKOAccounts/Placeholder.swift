import CArgon2
