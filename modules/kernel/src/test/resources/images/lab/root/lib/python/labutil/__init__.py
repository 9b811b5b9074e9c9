# A pure-Python package of the image's library directory (/lib/python), imported as from site-packages.
VERSION = '1.2'
