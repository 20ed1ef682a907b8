/*
 * Stasis compatibility header for mg: the subset of the BSD <sys/queue.h>
 * list macros that mg uses (singly-linked lists and tail queues).  musl has
 * no <sys/queue.h>; on other Linux systems mg gets it from libbsd.
 * Written for Stasis from the documented queue(3) interface.
 */
#ifndef STASIS_SYS_QUEUE_H
#define STASIS_SYS_QUEUE_H

#include <stddef.h>

/* Singly-linked lists. */
#define SLIST_HEAD(name, type)		struct name { struct type *slh_first; }
#define SLIST_HEAD_INITIALIZER(head)	{ NULL }
#define SLIST_ENTRY(type)		struct { struct type *sle_next; }
#define SLIST_FIRST(head)		((head)->slh_first)
#define SLIST_EMPTY(head)		(SLIST_FIRST(head) == NULL)
#define SLIST_NEXT(elm, field)		((elm)->field.sle_next)
#define SLIST_INIT(head)		do { SLIST_FIRST(head) = NULL; } while (0)
#define SLIST_FOREACH(var, head, field)					\
	for ((var) = SLIST_FIRST(head); (var) != NULL;			\
	    (var) = SLIST_NEXT(var, field))
#define SLIST_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = SLIST_FIRST(head);					\
	    (var) != NULL && ((tvar) = SLIST_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define SLIST_INSERT_HEAD(head, elm, field) do {			\
	SLIST_NEXT(elm, field) = SLIST_FIRST(head);			\
	SLIST_FIRST(head) = (elm);					\
} while (0)
#define SLIST_INSERT_AFTER(listelm, elm, field) do {			\
	SLIST_NEXT(elm, field) = SLIST_NEXT(listelm, field);		\
	SLIST_NEXT(listelm, field) = (elm);				\
} while (0)
#define SLIST_REMOVE_HEAD(head, field) do {				\
	SLIST_FIRST(head) = SLIST_NEXT(SLIST_FIRST(head), field);	\
} while (0)
#define SLIST_REMOVE(head, elm, type, field) do {			\
	if (SLIST_FIRST(head) == (elm)) {				\
		SLIST_REMOVE_HEAD(head, field);				\
	} else {							\
		struct type *stasis_p = SLIST_FIRST(head);		\
		while (SLIST_NEXT(stasis_p, field) != (elm))		\
			stasis_p = SLIST_NEXT(stasis_p, field);		\
		SLIST_NEXT(stasis_p, field) = SLIST_NEXT(elm, field);	\
	}								\
} while (0)

/*
 * Tail queues.  The head and the entry have the same layout (a pointer to
 * the first/next element, then a pointer to the last/previous element's
 * "next" pointer), which is what lets TAILQ_LAST and TAILQ_PREV reach
 * backwards through a "next" pointer.
 */
#define TAILQ_HEAD(name, type)						\
	struct name { struct type *tqh_first; struct type **tqh_last; }
#define TAILQ_HEAD_INITIALIZER(head)	{ NULL, &(head).tqh_first }
#define TAILQ_ENTRY(type)						\
	struct { struct type *tqe_next; struct type **tqe_prev; }
#define TAILQ_FIRST(head)		((head)->tqh_first)
#define TAILQ_END(head)			NULL
#define TAILQ_NEXT(elm, field)		((elm)->field.tqe_next)
#define TAILQ_EMPTY(head)		(TAILQ_FIRST(head) == NULL)
#define TAILQ_LAST(head, headname)					\
	(*(((struct headname *)((head)->tqh_last))->tqh_last))
#define TAILQ_PREV(elm, headname, field)				\
	(*(((struct headname *)((elm)->field.tqe_prev))->tqh_last))
#define TAILQ_INIT(head) do {						\
	(head)->tqh_first = NULL;					\
	(head)->tqh_last = &(head)->tqh_first;				\
} while (0)
#define TAILQ_FOREACH(var, head, field)					\
	for ((var) = TAILQ_FIRST(head); (var) != NULL;			\
	    (var) = TAILQ_NEXT(var, field))
#define TAILQ_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = TAILQ_FIRST(head);					\
	    (var) != NULL && ((tvar) = TAILQ_NEXT(var, field), 1);	\
	    (var) = (tvar))
#define TAILQ_INSERT_HEAD(head, elm, field) do {			\
	if (((elm)->field.tqe_next = (head)->tqh_first) != NULL)	\
		(head)->tqh_first->field.tqe_prev =			\
		    &(elm)->field.tqe_next;				\
	else								\
		(head)->tqh_last = &(elm)->field.tqe_next;		\
	(head)->tqh_first = (elm);					\
	(elm)->field.tqe_prev = &(head)->tqh_first;			\
} while (0)
#define TAILQ_INSERT_TAIL(head, elm, field) do {			\
	(elm)->field.tqe_next = NULL;					\
	(elm)->field.tqe_prev = (head)->tqh_last;			\
	*(head)->tqh_last = (elm);					\
	(head)->tqh_last = &(elm)->field.tqe_next;			\
} while (0)
#define TAILQ_REMOVE(head, elm, field) do {				\
	if ((elm)->field.tqe_next != NULL)				\
		(elm)->field.tqe_next->field.tqe_prev =			\
		    (elm)->field.tqe_prev;				\
	else								\
		(head)->tqh_last = (elm)->field.tqe_prev;		\
	*(elm)->field.tqe_prev = (elm)->field.tqe_next;			\
} while (0)

#endif
