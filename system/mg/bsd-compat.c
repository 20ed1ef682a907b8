/*
 * Stasis compatibility code for mg: strtonum(3) and fparseln(3), written
 * for Stasis from their manual pages (musl has neither; elsewhere mg takes
 * them from libbsd).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bsd-compat.h"

long long
strtonum(const char *s, long long min, long long max, const char **errstr)
{
	char *end;
	long long v;

	if (min > max) {
		errno = EINVAL;
		*errstr = "invalid";
		return 0;
	}
	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0') {
		errno = EINVAL;
		*errstr = "invalid";
		return 0;
	}
	if ((v == LLONG_MIN && errno == ERANGE) || v < min) {
		errno = ERANGE;
		*errstr = "too small";
		return 0;
	}
	if ((v == LLONG_MAX && errno == ERANGE) || v > max) {
		errno = ERANGE;
		*errstr = "too large";
		return 0;
	}
	*errstr = NULL;
	return v;
}

/* Is s[i] preceded by an odd number of escape characters? */
static int
escaped(const char *s, size_t i, char esc)
{
	size_t n = 0;

	if (esc == '\0')
		return 0;
	while (i > 0 && s[i - 1] == esc) {
		n++;
		i--;
	}
	return n % 2;
}

/*
 * Read one logical line: comments (from an unescaped comment character)
 * removed, physical lines ending in an unescaped continuation character
 * joined, then escapes removed as the flags ask.  delim holds the escape,
 * continuation and comment characters ("\\\\#" if NULL; '\0' disables one).
 */
char *
fparseln(FILE *fp, size_t *lenp, size_t *linenop, const char delim[3],
    int flags)
{
	const char dflt[3] = { '\\', '\\', '#' };
	char esc, con, com, *buf = NULL, *line = NULL, *out;
	size_t len = 0, cap = 0, i, j;
	ssize_t n;
	int more;

	if (delim == NULL)
		delim = dflt;
	esc = delim[0];
	con = delim[1];
	com = delim[2];

	do {
		more = 0;
		if ((n = getline(&line, &cap, fp)) < 0)
			break;
		if (linenop != NULL)
			(*linenop)++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (com != '\0') {
			for (i = 0; i < (size_t)n; i++)
				if (line[i] == com && !escaped(line, i, esc)) {
					n = (ssize_t)i;
					line[n] = '\0';
					break;
				}
		}
		if (con != '\0' && n > 0 && line[n - 1] == con &&
		    !escaped(line, (size_t)n - 1, esc)) {
			line[--n] = '\0';
			more = 1;
		}
		out = realloc(buf, len + (size_t)n + 1);
		if (out == NULL) {
			free(buf);
			free(line);
			return NULL;
		}
		buf = out;
		memcpy(buf + len, line, (size_t)n);
		len += (size_t)n;
		buf[len] = '\0';
	} while (more);
	free(line);

	if (buf == NULL) {
		if (lenp != NULL)
			*lenp = 0;
		return NULL;
	}

	if (esc != '\0' && (flags & FPARSELN_UNESCALL) != 0) {
		for (i = j = 0; i < len; i++) {
			if (buf[i] == esc && i + 1 < len) {
				char c = buf[i + 1];
				int drop;

				if (c == esc)
					drop = flags & (FPARSELN_UNESCESC |
					    (con == esc ? FPARSELN_UNESCCONT : 0));
				else if (c == con)
					drop = flags & FPARSELN_UNESCCONT;
				else if (c == com)
					drop = flags & FPARSELN_UNESCCOMM;
				else
					drop = flags & FPARSELN_UNESCREST;
				if (drop) {
					buf[j++] = c;
					i++;
					continue;
				}
			}
			buf[j++] = buf[i];
		}
		len = j;
		buf[len] = '\0';
	}
	if (lenp != NULL)
		*lenp = len;
	return buf;
}
