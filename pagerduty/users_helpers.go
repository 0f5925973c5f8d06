package pagerduty

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"strconv"
)

// The helpers below are shared by the users, teams, escalation policy,
// on-call and maintenance window calls.

// objectCall performs r and returns the object found under the first of keys
// present in the answer (most answers wrap their object: {"user": {...}}).
func objectCall[T any](ctx context.Context, c *Client, r *request, keys ...string) (*T, error) {
	var out map[string]json.RawMessage
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	for _, k := range keys {
		raw, ok := out[k]
		if !ok || string(raw) == "null" {
			continue
		}
		v := new(T)
		if err := json.Unmarshal(raw, v); err != nil {
			return nil, fmt.Errorf("pagerduty: %s %s: decoding the answer: field %q: %w", r.method, r.path, k, err)
		}
		return v, nil
	}
	return nil, fmt.Errorf("pagerduty: %s %s: the answer has no %s", r.method, r.path, keys[0])
}

// sliceCall performs a GET of path and returns the list under key, for the
// lists the API answers in one piece.
func sliceCall[T any](ctx context.Context, c *Client, path, key string, q url.Values) ([]T, error) {
	p, err := getPage[T](ctx, c, path, key, q)
	if err != nil {
		return nil, err
	}
	return p.Items, nil
}

// offsetSeq streams a classic-paginated list: q holds the filters, lo the
// caller's paging.
func offsetSeq[T any](ctx context.Context, c *Client, path, key string, q url.Values, lo ListOptions) iter.Seq2[T, error] {
	l := &offsetList[T]{path: path, key: key, query: q, limit: lo.Limit, offset: lo.Offset}
	return l.iterate(ctx, c)
}

// offsetPage fetches one page of a classic-paginated list.
func offsetPage[T any](ctx context.Context, c *Client, path, key string, q url.Values, lo ListOptions) (*Page[T], error) {
	if lo.Limit > 0 {
		q.Set("limit", strconv.Itoa(lo.Limit))
	}
	if lo.Offset > 0 {
		q.Set("offset", strconv.Itoa(lo.Offset))
	}
	if lo.Total {
		q.Set("total", "true")
	}
	return getPage[T](ctx, c, path, key, q)
}

// filterQuery validates lo and encodes opts (a pointer to an options struct
// embedding ListOptions, or nil) without its paging fields.
func filterQuery(opts any, lo *ListOptions) (url.Values, error) {
	if err := lo.validate(); err != nil {
		return nil, err
	}
	q := url.Values{}
	encodeQuery(q, opts)
	q.Del("limit")
	q.Del("offset")
	q.Del("total")
	return q, nil
}

// errNeedFrom is returned, before sending, by writes that PagerDuty
// attributes to a user when neither the params nor the client name one.
var errNeedFrom = errors.New("pagerduty: this write needs the email address of the PagerDuty user making it: set From in the params, or WithFrom on the client")

// needFrom returns from, or an error when neither it nor the client's
// default From is set.
func (c *Client) needFrom(from string) error {
	if from == "" && c.from == "" {
		return errNeedFrom
	}
	return nil
}

// required reports a required field left empty.
func required(field, hint string) error {
	return fmt.Errorf("pagerduty: %s is required: %s", field, hint)
}

// checkRef validates a reference a write sends: an ID and a type.
func checkRef(field string, r Reference) error {
	if err := ValidateID(r.ID); err != nil {
		return fmt.Errorf("%s.ID: %w", field, err)
	}
	if r.Type == "" {
		return required(field+".Type", "the kind of object referenced, such as "+string(ContactMethodReferenceEmail))
	}
	return nil
}
