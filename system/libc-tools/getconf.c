/* getconf: print system configuration values (POSIX).
 *   getconf NAME          a sysconf(3) or confstr(3) variable
 *   getconf NAME PATH     a pathconf(3) variable for PATH
 *   getconf -a [PATH]     every variable this program knows
 * Exit status: 0 success, 1 unknown variable or error, 2 bad usage. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct var { const char *name; int id; };

#define V(n) { #n, _SC_##n }
static const struct var sysconf_vars[] = {
	V(ARG_MAX), V(CHILD_MAX), V(CLK_TCK), V(NGROUPS_MAX), V(OPEN_MAX), V(STREAM_MAX),
	V(TZNAME_MAX), V(JOB_CONTROL), V(SAVED_IDS), V(VERSION), V(PAGESIZE), V(PAGE_SIZE),
	V(NPROCESSORS_CONF), V(NPROCESSORS_ONLN), V(PHYS_PAGES), V(AVPHYS_PAGES),
	V(LINE_MAX), V(RE_DUP_MAX), V(BC_BASE_MAX), V(BC_DIM_MAX), V(BC_SCALE_MAX),
	V(BC_STRING_MAX), V(COLL_WEIGHTS_MAX), V(EXPR_NEST_MAX), V(HOST_NAME_MAX),
	V(LOGIN_NAME_MAX), V(TTY_NAME_MAX), V(SYMLOOP_MAX), V(GETPW_R_SIZE_MAX),
	V(GETGR_R_SIZE_MAX), V(THREAD_KEYS_MAX), V(THREAD_STACK_MIN), V(THREAD_THREADS_MAX),
	V(SEM_NSEMS_MAX), V(SIGQUEUE_MAX), V(TIMER_MAX), V(RTSIG_MAX), V(IOV_MAX),
	V(MQ_OPEN_MAX), V(DELAYTIMER_MAX), V(AIO_MAX), V(AIO_LISTIO_MAX),
	V(2_VERSION), V(2_C_BIND), V(2_C_DEV), V(2_CHAR_TERM), V(2_LOCALEDEF), V(2_SW_DEV), V(2_UPE),
	V(MONOTONIC_CLOCK), V(THREADS), V(TIMERS), V(SEMAPHORES), V(SHELL), V(REGEXP),
};
#undef V

#define C(n) { #n, _CS_##n }
static const struct var confstr_vars[] = {
	C(PATH), C(GNU_LIBC_VERSION), C(GNU_LIBPTHREAD_VERSION),
	C(POSIX_V7_LP64_OFF64_CFLAGS), C(POSIX_V7_LP64_OFF64_LDFLAGS), C(POSIX_V7_LP64_OFF64_LIBS),
	C(POSIX_V7_WIDTH_RESTRICTED_ENVS), C(V7_ENV),
};
#undef C

#define P(n) { #n, _PC_##n }
static const struct var pathconf_vars[] = {
	P(LINK_MAX), P(MAX_CANON), P(MAX_INPUT), P(NAME_MAX), P(PATH_MAX), P(PIPE_BUF),
	P(CHOWN_RESTRICTED), P(NO_TRUNC), P(VDISABLE), P(FILESIZEBITS), P(SYMLINK_MAX),
	P(2_SYMLINKS), P(ASYNC_IO), P(SYNC_IO),
};
#undef P

#define COUNT(a) (sizeof (a) / sizeof *(a))

/* Names may be given with or without the _POSIX_ / _ prefixes glibc accepts. */
static const char *bare(const char *name)
{
	if (!strncmp(name, "_POSIX_", 7)) return name + 7;
	if (!strncmp(name, "POSIX_", 6) && strncmp(name, "POSIX_V", 7)) return name + 6;
	if (name[0] == '_') return name + 1;
	return name;
}

static const struct var *find(const struct var *vars, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(vars[i].name, name) || !strcmp(vars[i].name, bare(name))) return &vars[i];
	return NULL;
}

static int print_sysconf(const struct var *v, int label)
{
	errno = 0;
	long value = sysconf(v->id);
	if (label) printf("%-32s ", v->name);
	if (value == -1 && errno != 0) { puts("undefined"); return 1; }
	if (value == -1) puts("undefined"); else printf("%ld\n", value);
	return 0;
}

static int print_confstr(const struct var *v, int label)
{
	size_t n = confstr(v->id, NULL, 0);
	if (label) printf("%-32s ", v->name);
	if (n == 0) { puts(""); return errno == EINVAL; }
	char *buf = malloc(n);
	if (!buf) { perror("getconf"); return 1; }
	confstr(v->id, buf, n);
	puts(buf);
	free(buf);
	return 0;
}

static int print_pathconf(const struct var *v, const char *path, int label)
{
	errno = 0;
	long value = pathconf(path, v->id);
	if (label) printf("%-32s ", v->name);
	if (value == -1 && errno != 0) {
		if (label) puts("undefined");
		else fprintf(stderr, "getconf: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (value == -1) puts("undefined"); else printf("%ld\n", value);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "-a")) {
		const char *path = argc >= 3 ? argv[2] : "/";
		for (size_t i = 0; i < COUNT(sysconf_vars); i++) print_sysconf(&sysconf_vars[i], 1);
		for (size_t i = 0; i < COUNT(confstr_vars); i++) print_confstr(&confstr_vars[i], 1);
		for (size_t i = 0; i < COUNT(pathconf_vars); i++) print_pathconf(&pathconf_vars[i], path, 1);
		return 0;
	}
	if (argc < 2 || argc > 3) {
		fputs("usage: getconf NAME [PATH]\n       getconf -a [PATH]\n", stderr);
		return 2;
	}
	const struct var *v;
	if (argc == 3) {
		if ((v = find(pathconf_vars, COUNT(pathconf_vars), argv[1]))) return print_pathconf(v, argv[2], 0);
	} else {
		if ((v = find(sysconf_vars, COUNT(sysconf_vars), argv[1]))) return print_sysconf(v, 0);
		if ((v = find(confstr_vars, COUNT(confstr_vars), argv[1]))) return print_confstr(v, 0);
		if ((v = find(pathconf_vars, COUNT(pathconf_vars), argv[1]))) {
			fprintf(stderr, "getconf: %s needs a PATH argument\n", argv[1]);
			return 2;
		}
	}
	fprintf(stderr, "getconf: unknown variable: %s\n", argv[1]);
	return 1;
}
