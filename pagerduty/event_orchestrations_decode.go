package pagerduty

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
)

// orchMissing reports an answer that lacks the object it should carry.
func orchMissing(r *request, key string) error {
	return fmt.Errorf("pagerduty: %s %s: the answer has no %s", r.method, r.path, key)
}

// objectOrFirstCall performs r and returns the object under key. Some
// answers of the orchestration API are documented with the object wrapped
// in a one-item array; both shapes are accepted.
func objectOrFirstCall[T any](ctx context.Context, c *Client, r *request, key string) (*T, error) {
	var out map[string]json.RawMessage
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	raw := bytes.TrimSpace(out[key])
	if len(raw) == 0 || string(raw) == "null" {
		return nil, orchMissing(r, key)
	}
	if raw[0] == '[' {
		var items []T
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, fmt.Errorf("pagerduty: %s %s: decoding the answer: field %q: %w", r.method, r.path, key, err)
		}
		if len(items) == 0 {
			return nil, orchMissing(r, key)
		}
		return &items[0], nil
	}
	v := new(T)
	if err := json.Unmarshal(raw, v); err != nil {
		return nil, fmt.Errorf("pagerduty: %s %s: decoding the answer: field %q: %w", r.method, r.path, key, err)
	}
	return v, nil
}
