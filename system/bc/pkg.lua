-- bc: GNU bc and dc, arbitrary-precision calculators.
return {
  name = "bc",
  version = "1.07.1",
  description = "GNU bc and dc arbitrary-precision calculators",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/bc/",
  sources = {
    { url = "https://ftp.gnu.org/gnu/bc/bc-1.07.1.tar.gz",
      sha256 = "62adfca89b0a1c0164c2cdca59ca210c1d44c3ffc46daf9931cf4942664cb02a" },
  },
  build_style = "configure",
  pre_configure = [[
# bc/libmath.h is generated during the build (a bootstrap bc compiles
# libmath.b) and then reshaped into a C initializer by fix-libmath_h, which
# is an ed(1) script; there is no ed on the builder, so the same edit is done
# with sed: quote each line, append a comma, drop the last line, end the
# last remaining line with ",0}".
cat > bc/fix-libmath_h <<'EOF2'
#!/bin/sh
sed -e '1s/^/{"/' -e 's/$/",/' -e '2,$s/^/"/' libmath.h | sed '$d' | sed '$s/,$/,0}/' > libmath.h.new
mv libmath.h.new libmath.h
EOF2
chmod 755 bc/fix-libmath_h

# The release ships the generated parser and scanner (bc.c, scan.c) and the
# info pages, so no yacc, lex or makeinfo are needed (YACC=: LEX=: tell
# configure so); the touch keeps make from thinking they are out of date.
touch bc/bc.c bc/bc.h bc/scan.c
]],
  configure_args = { "--mandir=/usr/share/man", "--infodir=/usr/share/info", "MAKEINFO=true", "YACC=:", "LEX=:" },
  -- The info pages look out of date to make (timestamps in the tarball);
  -- MAKEINFO=true at make time keeps the shipped ones.
  make_build_args = { "MAKEINFO=true" },
  make_install_args = { "MAKEINFO=true" },
  post_install = [[rm -f "$DESTDIR/usr/share/info/dir"]],
}
