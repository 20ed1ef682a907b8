/*
 * Stasis compatibility header for mg, force-included into every source
 * file: declarations of the two libbsd functions mg uses that musl lacks
 * (strtonum from OpenBSD, fparseln from NetBSD); bsd-compat.c defines them.
 */
#ifndef STASIS_BSD_COMPAT_H
#define STASIS_BSD_COMPAT_H

#include <stdio.h>

long long strtonum(const char *, long long, long long, const char **);

#define FPARSELN_UNESCESC	0x01
#define FPARSELN_UNESCCONT	0x02
#define FPARSELN_UNESCCOMM	0x04
#define FPARSELN_UNESCREST	0x08
#define FPARSELN_UNESCALL	0x0f
char *fparseln(FILE *, size_t *, size_t *, const char[3], int);

#endif
