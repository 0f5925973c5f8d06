package pdtest

import (
	"net/http"
	"net/url"
	"slices"
)

// userItems describes one of the lists a user holds (contact methods,
// notification rules), so that one set of handlers lists, reads, creates,
// updates and deletes the items of each.
type userItems[T any] struct {
	what    string // the kind, in errors: "contact method"
	key     string // the key of one item in bodies and answers: "contact_method"
	listKey string // the key of the list in answers: "contact_methods"
	pathID  string // the path value that names an item: "cid"
	of      func(u *User) *[]T
	id      func(v *T) *string
	render  func(c *rc, u *User, v *T) any
}

// find returns the index of the item the path names, or a not found error.
func (l userItems[T]) find(u *User, r *http.Request) (int, *apiError) {
	id := r.PathValue(l.pathID)
	items := *l.of(u)
	for i := range items {
		if *l.id(&items[i]) == id {
			return i, nil
		}
	}
	return -1, errNotFound(l.what, id)
}

// list answers the user's items that keep accepts (all of them when keep
// is nil).
func (l userItems[T]) list(h *Handler, w http.ResponseWriter, r *http.Request, keep func(q url.Values, v *T) bool) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		items := *l.of(u)
		out := []any{}
		for i := range items {
			if keep == nil || keep(q, &items[i]) {
				out = append(out, l.render(c, u, &items[i]))
			}
		}
		return reply{200, map[string]any{l.listKey: out}}, nil
	})
}

// get answers the item the path names.
func (l userItems[T]) get(h *Handler, w http.ResponseWriter, r *http.Request) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		i, err := l.find(u, r)
		if err != nil {
			return reply{}, err
		}
		return reply{200, map[string]any{l.key: l.render(c, u, &(*l.of(u))[i])}}, nil
	})
}

// write creates an item (create true) or updates the one the path names.
// apply reads the body onto v, a copy of the item (the zero value on
// create), and checks the result; nothing changes when it answers an
// error.
func (l userItems[T]) write(h *Handler, w http.ResponseWriter, r *http.Request, create bool, apply func(r *http.Request, u *User, v *T) *apiError) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		items := l.of(u)
		idx := -1
		var v T
		if !create {
			if idx, err = l.find(u, r); err != nil {
				return reply{}, err
			}
			v = (*items)[idx]
		}
		if err := apply(r, u, &v); err != nil {
			return reply{}, err
		}
		if create {
			*l.id(&v) = c.st.newID()
			*items = append(*items, v)
			return reply{http.StatusCreated, map[string]any{l.key: l.render(c, u, &(*items)[len(*items)-1])}}, nil
		}
		(*items)[idx] = v
		return reply{200, map[string]any{l.key: l.render(c, u, &(*items)[idx])}}, nil
	})
}

// remove deletes the item the path names, then runs after (when not nil)
// with its ID, for what depended on it.
func (l userItems[T]) remove(h *Handler, w http.ResponseWriter, r *http.Request, after func(u *User, id string)) {
	h.do(w, r, func(c *rc, q url.Values) (reply, *apiError) {
		u, err := h.userOr404(c, r)
		if err != nil {
			return reply{}, err
		}
		id := r.PathValue(l.pathID)
		items := l.of(u)
		n := len(*items)
		*items = slices.DeleteFunc(*items, func(v T) bool { return *l.id(&v) == id })
		if len(*items) == n {
			return reply{}, errNotFound(l.what, id)
		}
		if after != nil {
			after(u, id)
		}
		return reply{status: http.StatusNoContent}, nil
	})
}
