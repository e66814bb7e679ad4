// Module LKOLanguage.
