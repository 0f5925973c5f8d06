package pdtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Pagination limits of the REST API.
const (
	DefaultLimit   = 25
	MaxLimit       = 100
	MaxOffsetLimit = 10000
)

// reply is what an endpoint answers; body nil means no body.
type reply struct {
	status int
	body   any // a rawJSON body is written as it is
}

// rawJSON is an answer already encoded.
type rawJSON []byte

// do runs fn under the state lock and writes its answer after unlocking.
func (h *Handler) do(w http.ResponseWriter, r *http.Request, fn func(c *rc, q url.Values) (reply, *apiError)) {
	q := r.URL.Query()
	loc := time.UTC
	if tz := q.Get("time_zone"); tz != "" {
		l, err := time.LoadLocation(tz)
		if err != nil {
			writeAPIError(w, errInvalid("time_zone %q is not a known time zone; use an IANA name such as Europe/Paris", tz))
			return
		}
		loc = l
	}
	h.mu.Lock()
	h.st.checkSnoozes(h.st.now())
	c := newRC(h.st, r, loc, list(q, "include"))
	write := r.Method != http.MethodGet && r.Method != http.MethodHead
	kind, id, sub := "", "", false
	name := ""
	if write {
		kind, id, sub = auditPath(r.URL.Path)
		name = h.st.auditName(kind, id)
	}
	rep, aerr := fn(c, q)
	if write {
		h.st.changed()
		if aerr == nil && kind != "" {
			h.st.recordAudit(r, kind, id, name, sub, rep.body)
		}
	}
	h.mu.Unlock()
	if aerr != nil {
		writeAPIError(w, aerr)
		return
	}
	if raw, ok := rep.body.(rawJSON); ok {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rep.status)
		_, _ = w.Write(raw)
		return
	}
	if rep.body == nil {
		w.WriteHeader(rep.status)
		return
	}
	writeJSON(w, rep.status, rep.body)
}

// list returns the values of a list parameter, sent as "name[]" (the
// API's form) or "name", comma separated or repeated.
func list(q url.Values, name string) []string {
	var out []string
	for _, k := range []string{name + "[]", name} {
		for _, v := range q[k] {
			for _, p := range strings.Split(v, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// pageParams are offset pagination parameters.
type pageParams struct {
	limit, offset int
	total         bool
}

func parsePage(q url.Values) (pageParams, *apiError) {
	p := pageParams{limit: DefaultLimit}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return p, errInvalid("limit %q is not a number from 1 to %d", v, MaxLimit)
		}
		if n > 0 {
			p.limit = min(n, MaxLimit)
		}
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return p, errInvalid("offset %q is not a number of zero or more", v)
		}
		p.offset = n
	}
	if p.offset > MaxOffsetLimit-p.limit { // offset+limit, without overflow
		return p, errArguments("offset+limit must not exceed %d (offset %d, limit %d); narrow the query (for example with since and until) to read further", MaxOffsetLimit, p.offset, p.limit)
	}
	b, err := parseBool(q, "total")
	if err != nil {
		return p, err
	}
	p.total = b
	return p, nil
}

func parseBool(q url.Values, name string) (bool, *apiError) {
	v := q.Get(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, errInvalid("%s %q is not true or false", name, v)
	}
	return b, nil
}

// page is the offset pagination part of a list answer.
type page struct {
	Offset int  `json:"offset"`
	Limit  int  `json:"limit"`
	More   bool `json:"more"`
	Total  *int `json:"total"`
}

// paginate selects a page of the items that keep accepts, scanning no
// further than needed unless the total is asked for.
func paginate[T any](items []T, keep func(T) bool, p pageParams) ([]T, page) {
	pg := page{Offset: p.offset, Limit: p.limit}
	out := make([]T, 0, min(p.limit, len(items)))
	n := 0
	for _, it := range items {
		if keep != nil && !keep(it) {
			continue
		}
		switch {
		case n < p.offset:
		case len(out) < p.limit:
			out = append(out, it)
		default:
			pg.More = true
		}
		n++
		if pg.More && !p.total {
			break
		}
	}
	if p.total {
		pg.Total = &n
	}
	return out, pg
}

// listBody builds a list answer: the page and the items under key.
func listBody(key string, items any, pg page) map[string]any {
	return map[string]any{key: items, "offset": pg.Offset, "limit": pg.Limit, "more": pg.More, "total": pg.Total}
}

// listReply answers a list: the items of a page, each rendered, under key.
func listReply[T, W any](key string, items []T, pg page, render func(T) W) reply {
	out := make([]W, 0, len(items))
	for _, it := range items {
		out = append(out, render(it))
	}
	return reply{200, listBody(key, out, pg)}
}

// parseTime reads a time parameter in one of the forms the API accepts.
func parseTime(name, v string, loc *time.Location) (time.Time, *apiError) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		var t time.Time
		var err error
		if layout == time.RFC3339Nano {
			t, err = time.Parse(layout, v)
		} else {
			t, err = time.ParseInLocation(layout, v, loc)
		}
		if err == nil {
			return t, nil
		}
	}
	return time.Time{}, errInvalid("%s %q is not a date; use ISO 8601 such as 2024-05-01T10:00:00Z", name, v)
}

// parseWindow reads since and until; zero values mean "not given".
func parseWindow(q url.Values, loc *time.Location) (since, until time.Time, err *apiError) {
	if v := q.Get("since"); v != "" {
		if since, err = parseTime("since", v, loc); err != nil {
			return
		}
	}
	if v := q.Get("until"); v != "" {
		if until, err = parseTime("until", v, loc); err != nil {
			return
		}
	}
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		err = &apiError{status: http.StatusBadRequest, code: CodeInvalidInput, errors: []string{"until must not be before since"}}
	}
	return
}

// decode reads a JSON body into v.
func decode(r *http.Request, v any) *apiError {
	b, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	if err != nil {
		return errInvalid("the request body could not be read: %v", err)
	}
	if len(strings.TrimSpace(string(b))) == 0 {
		return errInvalid("the request body is empty; send a JSON object")
	}
	if err := json.Unmarshal(b, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return errInvalid("field %q has the wrong type: got JSON %s, want %s", te.Field, te.Value, te.Type)
		}
		return errInvalid("the request body is not valid JSON: %v", err)
	}
	return nil
}

// fromUser checks the From header that writes on incidents need.
func (st *state) fromUser(r *http.Request) (*User, *apiError) {
	from := strings.TrimSpace(r.Header.Get("From"))
	if from == "" {
		return nil, errInvalid("You must specify a user's email address in the \"From\" header to perform this action")
	}
	u := st.userByEmail[strings.ToLower(from)]
	if u == nil {
		return nil, &apiError{status: http.StatusBadRequest, code: CodeInvalidInput,
			errors: []string{fmt.Sprintf("Requester User Not Found: the From header must be the email of a user of the account (got %q)", from)}}
	}
	return u, nil
}

// pathObject returns the object byID holds under the path's "id", or a
// not found error that names what kind of object was asked for.
func pathObject[T any](byID map[string]*T, r *http.Request, what string) (*T, *apiError) {
	id := r.PathValue("id")
	if v := byID[id]; v != nil {
		return v, nil
	}
	return nil, errNotFound(what, id)
}

// decodeFrom checks the From header, then reads the JSON body into in:
// the start of a write that records who made it.
func (st *state) decodeFrom(r *http.Request, in any) (*User, *apiError) {
	from, err := st.fromUser(r)
	if err != nil {
		return nil, err
	}
	if err := decode(r, in); err != nil {
		return nil, err
	}
	return from, nil
}

// matchQuery reports whether name contains the query, ignoring case.
func matchQuery(name, query string) bool {
	return query == "" || strings.Contains(strings.ToLower(name), strings.ToLower(query))
}

// refIn is a reference sent in a request body.
type refIn struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}
