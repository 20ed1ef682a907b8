/*
 * Stasis compatibility header for mg: the part of the BSD <sys/tree.h>
 * red-black tree interface that mg's tags.c uses (RB_HEAD, RB_ENTRY,
 * RB_PROTOTYPE, RB_GENERATE, RB_INSERT, RB_FIND, RB_REMOVE, RB_MIN,
 * RB_NEXT, RB_EMPTY).  musl has no <sys/tree.h>.
 *
 * Not a tree: an ordered singly-linked list with a tail pointer.  Same
 * results (ordered traversal, duplicate detection on insert), O(n) lookups;
 * tags files are written sorted, so loading one appends at the tail in O(1).
 * Written for Stasis from the documented tree(3) interface.
 */
#ifndef STASIS_SYS_TREE_H
#define STASIS_SYS_TREE_H

#include <stddef.h>

#define RB_HEAD(name, type)						\
	struct name { struct type *rbh_root; struct type *rbh_last; }
#define RB_INITIALIZER(root)		{ NULL, NULL }
#define RB_ENTRY(type)			struct { struct type *rbe_next; }
#define RB_EMPTY(head)			((head)->rbh_root == NULL)
#define RB_INIT(head)			do { (head)->rbh_root = NULL;	\
					     (head)->rbh_last = NULL; } while (0)

#define RB_PROTOTYPE(name, type, field, cmp)				\
	struct type *name##_RB_INSERT(struct name *, struct type *);	\
	struct type *name##_RB_FIND(struct name *, struct type *);	\
	struct type *name##_RB_REMOVE(struct name *, struct type *);	\
	struct type *name##_RB_NEXT(struct type *);

#define RB_GENERATE(name, type, field, cmp)				\
struct type *								\
name##_RB_INSERT(struct name *head, struct type *elm)			\
{									\
	struct type **pp = &head->rbh_root, *prev = NULL;		\
	int c;								\
	if (head->rbh_last != NULL && cmp(elm, head->rbh_last) > 0) {	\
		prev = head->rbh_last;					\
		pp = &prev->field.rbe_next;				\
	} else {							\
		while (*pp != NULL) {					\
			c = cmp(elm, *pp);				\
			if (c == 0)					\
				return (*pp);				\
			if (c < 0)					\
				break;					\
			prev = *pp;					\
			pp = &(*pp)->field.rbe_next;			\
		}							\
	}								\
	elm->field.rbe_next = *pp;					\
	*pp = elm;							\
	if (elm->field.rbe_next == NULL)				\
		head->rbh_last = elm;					\
	(void)prev;							\
	return (NULL);							\
}									\
struct type *								\
name##_RB_FIND(struct name *head, struct type *key)			\
{									\
	struct type *e;							\
	int c;								\
	for (e = head->rbh_root; e != NULL; e = e->field.rbe_next) {	\
		c = cmp(key, e);					\
		if (c == 0)						\
			return (e);					\
		if (c < 0)						\
			break;						\
	}								\
	return (NULL);							\
}									\
struct type *								\
name##_RB_REMOVE(struct name *head, struct type *elm)			\
{									\
	struct type **pp = &head->rbh_root, *prev = NULL;		\
	while (*pp != NULL && *pp != elm) {				\
		prev = *pp;						\
		pp = &(*pp)->field.rbe_next;				\
	}								\
	if (*pp == NULL)						\
		return (NULL);						\
	*pp = elm->field.rbe_next;					\
	if (head->rbh_last == elm)					\
		head->rbh_last = prev;					\
	return (elm);							\
}									\
struct type *								\
name##_RB_NEXT(struct type *elm)					\
{									\
	return (elm->field.rbe_next);					\
}

#define RB_INSERT(name, head, elm)	name##_RB_INSERT(head, elm)
#define RB_FIND(name, head, elm)	name##_RB_FIND(head, elm)
#define RB_REMOVE(name, head, elm)	name##_RB_REMOVE(head, elm)
#define RB_MIN(name, head)		((head)->rbh_root)
#define RB_NEXT(name, head, elm)	name##_RB_NEXT(elm)

#endif
