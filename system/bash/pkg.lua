-- bash: the GNU Bourne-Again shell, with the upstream patch series 001-026.
--
-- sha256 of bash-5.2.tar.gz and of every bash52-NNN patch from Homebrew's
-- bash formula (Formula/b/bash.rb, 5.2.26).
local patches = {
  "f42f2fee923bc2209f406a1892772121c467f44533bedfe00a176139da5d310a",
  "45cc5e1b876550eee96f95bffb36c41b6cb7c07d33f671db5634405cd00fd7b8",
  "6a090cdbd334306fceacd0e4a1b9e0b0678efdbbdedbd1f5842035990c8abaff",
  "38827724bba908cf5721bd8d4e595d80f02c05c35f3dd7dbc4cd3c5678a42512",
  "ece0eb544368b3b4359fb8464caa9d89c7a6743c8ed070be1c7d599c3675d357",
  "d1e0566a257d149a0d99d450ce2885123f9995e9c01d0a5ef6df7044a72a468c",
  "2500a3fc21cb08133f06648a017cebfa27f30ea19c8cbe8dfefdf16227cfd490",
  "6b4bd92fd0099d1bab436b941875e99e0cb3c320997587182d6267af1844b1e8",
  "f95a817882eaeb0cb78bce82859a86bbb297a308ced730ebe449cd504211d3cd",
  "c7705e029f752507310ecd7270aef437e8043a9959e4d0c6065a82517996c1cd",
  "831b5f25bf3e88625f3ab315043be7498907c551f86041fa3b914123d79eb6f4",
  "2fb107ce1fb8e93f36997c8b0b2743fc1ca98a454c7cc5a3fcabec533f67d42c",
  "094b4fd81bc488a26febba5d799689b64d52a5505b63e8ee854f48d356bc7ce6",
  "3ef9246f2906ef1e487a0a3f4c647ae1c289cbd8459caa7db5ce118ef136e624",
  "ef73905169db67399a728e238a9413e0d689462cb9b72ab17a05dba51221358a",
  "155853bc5bd10e40a9bea369fb6f50a203a7d0358e9e32321be0d9fa21585915",
  "1c48cecbc9b7b4217990580203b7e1de19c4979d0bd2c0e310167df748df2c89",
  "4641dd49dd923b454dd0a346277907090410f5d60a29a2de3b82c98e49aaaa80",
  "325c26860ad4bba8558356c4ab914ac57e7b415dac6f5aae86b9b05ccb7ed282",
  "b6fc252aeb95ce67c9b017d29d81e8a5e285db4bf20d4ec8cdca35892be5c01d",
  "8334b88117ad047598f23581aeb0c66c0248cdd77abc3b4e259133aa307650cd",
  "78b5230a49594ec30811e72dcd0f56d1089710ec7828621022d08507aa57e470",
  "af905502e2106c8510ba2085aa2b56e64830fc0fdf6ee67ebb459ac11696dcd3",
  "971534490117eb05d97d7fd81f5f9d8daf927b4d581231844ffae485651b02c3",
  "5138f487e7cf71a6323dc81d22419906f1535b89835cc2ff68847e1a35613075",
  "96ee1f549aa0b530521e36bdc0ba7661602cfaee409f7023cac744dd42852eac",
}

local sources = {
  { url = "https://ftp.gnu.org/gnu/bash/bash-5.2.tar.gz",
    sha256 = "a139c166df7ff4471c5e0733051642ee5556c1cc8a4a78f145583c5c81ab32fb" },
}
for i, sum in ipairs(patches) do
  sources[#sources + 1] = {
    url = string.format("https://ftp.gnu.org/gnu/bash/bash-5.2-patches/bash52-%03d", i),
    sha256 = sum, extract = false,
  }
end

return {
  name = "bash",
  version = "5.2." .. #patches,
  description = "GNU Bourne-Again shell",
  license = "GPL-3.0-or-later",
  homepage = "https://www.gnu.org/software/bash/",
  sources = sources,
  build_deps = { "ncurses" },
  build_style = "configure",
  pre_configure = [[
for p in /build/src/bash52-*; do patch -p0 -s < "$p"; done
# bash's own readline; termcap from ncurses.  No loadable builtins (static).
]],
  configure_args = {
    "--without-bash-malloc", "--with-curses", "--enable-readline",
    "--without-installed-readline", "--enable-static-link",
  },
  post_install = [[
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/lib/bash" "$DESTDIR/usr/include" \
  "$DESTDIR/usr/lib/pkgconfig" "$DESTDIR/usr/bin/bashbug"
]],
}
