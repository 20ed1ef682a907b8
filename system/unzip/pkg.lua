-- unzip: Info-ZIP's UnZip 6.0.
return {
  name = "unzip",
  version = "6.0",
  description = "Extractor for .zip archives",
  license = "Info-ZIP",
  homepage = "https://infozip.sourceforge.net/UnZip.html",
  sources = {
    -- sha256 from Homebrew's unzip formula and Arch's PKGBUILD (unzip60.tar.gz).
    { url = "https://downloads.sourceforge.net/project/infozip/UnZip%206.x%20%28latest%29/UnZip%206.0/unzip60.tar.gz",
      sha256 = "036d96991646d0449ed0aa952e4fbe21b476ce994abc276e49d30e686708bd37" },
  },
  build = [[
# The generic Unix target of the hand-written makefile.
make -f unix/Makefile -j"$JOBS" CC="$CC" LD="$CC" \
  CF="$CFLAGS $CPPFLAGS -I. -DUNIX -DLARGE_FILE_SUPPORT -DUNICODE_SUPPORT -DUTF8_MAYBE_NATIVE -DNO_LCHMOD" \
  LF2="$LDFLAGS" unzips
make -f unix/Makefile install prefix="$DESTDIR/usr" MANDIR="$DESTDIR/usr/share/man/man1"
]],
}
