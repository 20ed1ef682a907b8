/* config.h for GNU make 4.3 on Stasis: x86_64 Linux, static musl.
 *
 * Written by hand for the tiny closure.  The mirror's make tarball (Debian's
 * make-dfsg repack) has no ./configure, and regenerating one needs autotools
 * that the closure does not contain.  Everything below is what configure
 * finds on musl 1.2.3; it was checked against src/config.h.in of make 4.3.
 * Anything config.h.in lists but not defined here is absent on musl or not
 * wanted (NLS, guile, dmalloc, Windows/VMS/Amiga bits).
 */

/* System extensions (AC_USE_SYSTEM_EXTENSIONS). */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#ifndef _ALL_SOURCE
# define _ALL_SOURCE 1
#endif

#define PACKAGE "make"
#define PACKAGE_BUGREPORT "bug-make@gnu.org"
#define PACKAGE_NAME "GNU make"
#define PACKAGE_STRING "GNU make 4.3"
#define PACKAGE_TARNAME "make"
#define PACKAGE_URL "http://www.gnu.org/software/make/"
#define PACKAGE_VERSION "4.3"
#define VERSION "4.3"

/* `make --version` prints "Built for MAKE_HOST". */
#define MAKE_HOST "x86_64-pc-linux-musl"

/* Features. */
#define MAKE_JOBSERVER 1
#define MAKE_SYMLINKS 1
/* MAKE_LOAD (the `load` directive) needs dlopen: off, static binary. */
#define FILE_TIMESTAMP_HI_RES 1
#define ST_MTIM_NSEC st_mtim.tv_nsec
#define PATH_SEPARATOR_CHAR ':'
#define RETSIGTYPE void
#define STDC_HEADERS 1
#define SCCS_GET "get"
#define _FILE_OFFSET_BITS 64

/* Headers musl provides. */
#define HAVE_ALLOCA 1
#define HAVE_ALLOCA_H 1
#define HAVE_DIRENT_H 1
#define HAVE_FCNTL_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_LIMITS_H 1
#define HAVE_LOCALE_H 1
#define HAVE_MEMORY_H 1
#define HAVE_SPAWN_H 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_SYS_FILE_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_RESOURCE_H 1
#define HAVE_SYS_SELECT_H 1
#define HAVE_SYS_SOCKET_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_WAIT_H 1
#define HAVE_UNISTD_H 1
#define HAVE_WCHAR_H 1
#define TIME_WITH_SYS_TIME 1

/* Functions musl provides. */
#define HAVE_ATEXIT 1
#define HAVE_CLOCK_GETTIME 1
#define HAVE_DUP 1
#define HAVE_DUP2 1
#define HAVE_FDOPEN 1
#define HAVE_FORK 1
#define HAVE_WORKING_FORK 1
#define HAVE_GETCWD 1
#define HAVE_GETGROUPS 1
#define HAVE_GETHOSTNAME 1
#define HAVE_GETLOADAVG 1
#define HAVE_GETRLIMIT 1
#define HAVE_GETTIMEOFDAY 1
#define HAVE_ISATTY 1
#define HAVE_LSTAT 1
#define HAVE_MEMRCHR 1
#define HAVE_MKSTEMP 1
#define HAVE_MKTEMP 1
#define HAVE_PIPE 1
#define HAVE_PSELECT 1
#define HAVE_READLINK 1
#define HAVE_REALPATH 1
#define HAVE_SA_RESTART 1
#define HAVE_SETEGID 1
#define HAVE_SETEUID 1
#define HAVE_SETLINEBUF 1
#define HAVE_SETREGID 1
#define HAVE_SETREUID 1
#define HAVE_SETRLIMIT 1
#define HAVE_SETVBUF 1
#define HAVE_SIGACTION 1
#define HAVE_SOCKET 1
#define HAVE_STPCPY 1
#define HAVE_STRCASECMP 1
#define HAVE_STRCOLL 1
#define HAVE_STRDUP 1
#define HAVE_STRERROR_R 1
#define HAVE_DECL_STRERROR_R 1
#define HAVE_STRNCASECMP 1
#define HAVE_STRNDUP 1
#define HAVE_STRSIGNAL 1
#define HAVE_SYMLINK 1
#define HAVE_TTYNAME 1
#define HAVE_UMASK 1
#define HAVE_WAIT3 1
#define HAVE_WAITPID 1
#define HAVE_STRUCT_DIRENT_D_TYPE 1
#define HAVE_DECL_BSD_SIGNAL 1
#define HAVE_DECL_DLERROR 0
#define HAVE_DECL_DLOPEN 0
#define HAVE_DECL_DLSYM 0
#define HAVE_DECL_GETDTABLESIZE 1
#define HAVE_GETDTABLESIZE 1
#define HAVE_DECL_PROGRAM_INVOCATION_NAME 1
#define HAVE_DECL_PROGRAM_INVOCATION_SHORT_NAME 1
#define HAVE_DECL_SYS_SIGLIST 0
#define HAVE_DECL__SYS_SIGLIST 0
#define HAVE_DECL___SYS_SIGLIST 0
#define HAVE_DECL___ARGV 0

/* Types. */
#define HAVE_LONG_LONG_INT 1
#define HAVE_UNSIGNED_LONG_LONG_INT 1
#define HAVE_UINTMAX_T 1
#define HAVE_WCHAR_T 1
#define HAVE_WINT_T 1
#define HAVE__BOOL 1
#define HAVE_SIGNED_SIG_ATOMIC_T 1
#define HAVE_SIGNED_WCHAR_T 1
#define BITSIZEOF_PTRDIFF_T 64
#define BITSIZEOF_SIG_ATOMIC_T 32
#define BITSIZEOF_SIZE_T 64
#define BITSIZEOF_WCHAR_T 32
#define BITSIZEOF_WINT_T 32

/* Jobs are started with fork/exec (posix_spawn is configure's default in
 * 4.3 when found; fork is the simpler, long-standing path and needs no
 * spawn attribute support from the C library). */
/* #undef USE_POSIX_SPAWN */
