/* getent: look up entries in the system databases (passwd, group, shadow,
 * hosts, ahosts, services, protocols) through musl's own lookup functions.
 * Exit status: 0 found, 1 bad usage or unknown database, 2 a key was not
 * found, 3 enumeration is not supported for the database. */
#include <arpa/inet.h>
#include <grp.h>
#include <netdb.h>
#include <pwd.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static int numeric(const char *s, unsigned long *out)
{
	char *end;
	if (*s == '\0') return 0;
	*out = strtoul(s, &end, 10);
	return *end == '\0';
}

static void put_passwd(const struct passwd *p)
{
	printf("%s:%s:%u:%u:%s:%s:%s\n", p->pw_name, p->pw_passwd, (unsigned)p->pw_uid,
	       (unsigned)p->pw_gid, p->pw_gecos, p->pw_dir, p->pw_shell);
}

static void put_group(const struct group *g)
{
	printf("%s:%s:%u:", g->gr_name, g->gr_passwd, (unsigned)g->gr_gid);
	for (char **m = g->gr_mem; *m; m++) printf("%s%s", m == g->gr_mem ? "" : ",", *m);
	putchar('\n');
}

static void put_shadow(const struct spwd *s)
{
	printf("%s:%s:", s->sp_namp, s->sp_pwdp);
	long v[] = { s->sp_lstchg, s->sp_min, s->sp_max, s->sp_warn, s->sp_inact, s->sp_expire };
	for (int i = 0; i < 6; i++) {
		if (v[i] >= 0) printf("%ld", v[i]);
		putchar(':');
	}
	if (s->sp_flag != (unsigned long)-1) printf("%lu", s->sp_flag);
	putchar('\n');
}

static void put_service(const struct servent *s)
{
	printf("%-21s %d/%s", s->s_name, ntohs((unsigned short)s->s_port), s->s_proto);
	for (char **a = s->s_aliases; *a; a++) printf(" %s", *a);
	putchar('\n');
}

static void put_protocol(const struct protoent *p)
{
	printf("%-21s %d", p->p_name, p->p_proto);
	for (char **a = p->p_aliases; *a; a++) printf(" %s", *a);
	putchar('\n');
}

/* hosts: the first address of each name; ahosts: every address and socket type. */
static int hosts(const char *key, int family, int all)
{
	struct addrinfo hints = { .ai_family = family, .ai_flags = AI_CANONNAME };
	struct addrinfo *res;
	if (getaddrinfo(key, NULL, &hints, &res) != 0) return 2;
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
		char addr[INET6_ADDRSTRLEN];
		const void *a = ai->ai_family == AF_INET
			? (const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr
			: (const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
		inet_ntop(ai->ai_family, a, addr, sizeof addr);
		if (all) {
			const char *type = ai->ai_socktype == SOCK_STREAM ? "STREAM"
				: ai->ai_socktype == SOCK_DGRAM ? "DGRAM" : "RAW";
			printf("%-15s %-6s %s\n", addr, type, ai == res && res->ai_canonname ? res->ai_canonname : "");
		} else {
			printf("%-15s %s\n", addr, res->ai_canonname ? res->ai_canonname : key);
			break;
		}
	}
	freeaddrinfo(res);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: getent database [key ...]\n"
		      "databases: passwd group shadow hosts ahosts ahostsv4 ahostsv6 services protocols\n", stderr);
		return 1;
	}
	const char *db = argv[1];
	int status = 0;
	if (argc == 2) {
		if (!strcmp(db, "passwd")) { struct passwd *p; setpwent(); while ((p = getpwent())) put_passwd(p); endpwent(); }
		else if (!strcmp(db, "group")) { struct group *g; setgrent(); while ((g = getgrent())) put_group(g); endgrent(); }
		else if (!strcmp(db, "shadow")) { struct spwd *s; setspent(); while ((s = getspent())) put_shadow(s); endspent(); }
		else if (!strcmp(db, "hosts") || !strncmp(db, "ahosts", 6) || !strcmp(db, "services") || !strcmp(db, "protocols")) {
			fprintf(stderr, "getent: enumeration not supported on %s\n", db);
			return 3;
		} else {
			fprintf(stderr, "getent: unknown database: %s\n", db);
			return 1;
		}
		return 0;
	}
	for (int i = 2; i < argc; i++) {
		const char *key = argv[i];
		unsigned long n;
		int found = 1;
		if (!strcmp(db, "passwd")) {
			struct passwd *p = numeric(key, &n) ? getpwuid((uid_t)n) : getpwnam(key);
			if ((found = p != NULL)) put_passwd(p);
		} else if (!strcmp(db, "group")) {
			struct group *g = numeric(key, &n) ? getgrgid((gid_t)n) : getgrnam(key);
			if ((found = g != NULL)) put_group(g);
		} else if (!strcmp(db, "shadow")) {
			struct spwd *s = getspnam(key);
			if ((found = s != NULL)) put_shadow(s);
		} else if (!strcmp(db, "hosts")) {
			found = hosts(key, AF_UNSPEC, 0) == 0;
		} else if (!strcmp(db, "ahosts")) {
			found = hosts(key, AF_UNSPEC, 1) == 0;
		} else if (!strcmp(db, "ahostsv4")) {
			found = hosts(key, AF_INET, 1) == 0;
		} else if (!strcmp(db, "ahostsv6")) {
			found = hosts(key, AF_INET6, 1) == 0;
		} else if (!strcmp(db, "services")) {
			char name[64];
			const char *slash = strchr(key, '/');
			const char *proto = slash ? slash + 1 : NULL;
			snprintf(name, sizeof name, "%.*s", slash ? (int)(slash - key) : (int)strlen(key), key);
			struct servent *s = numeric(name, &n) ? getservbyport(htons((unsigned short)n), proto) : getservbyname(name, proto);
			if ((found = s != NULL)) put_service(s);
		} else if (!strcmp(db, "protocols")) {
			struct protoent *p = numeric(key, &n) ? getprotobynumber((int)n) : getprotobyname(key);
			if ((found = p != NULL)) put_protocol(p);
		} else {
			fprintf(stderr, "getent: unknown database: %s\n", db);
			return 1;
		}
		if (!found) status = 2;
	}
	return status;
}
