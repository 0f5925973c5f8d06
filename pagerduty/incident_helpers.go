package pagerduty

import (
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// fromOrDefault returns the From header a write will carry (the params'
// own, else the client's), or the error of needFrom when there is none.
func (c *Client) fromOrDefault(from string) (string, error) {
	if err := c.needFrom(from); err != nil {
		return "", err
	}
	if from == "" {
		from = c.from
	}
	return from, nil
}

// pageParams adds the paging fields of a one-page call to q: limit and
// offset when set, total when asked.
func pageParams(q url.Values, o ListOptions) {
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	if o.Offset > 0 {
		q.Set("offset", strconv.Itoa(o.Offset))
	}
	if o.Total {
		q.Set("total", "true")
	}
}

// stripPaging removes the paging fields encodeQuery wrote, which the
// iterator and pageParams set themselves.
func stripPaging(q url.Values) {
	q.Del("limit")
	q.Del("offset")
	q.Del("total")
}

// checkSinceUntil validates an optional since/until pair.
func checkSinceUntil(since, until time.Time) error {
	if !since.IsZero() && !until.IsZero() && !until.After(since) {
		return fmt.Errorf("pagerduty: Until (%s) must be after Since (%s)", until.Format(time.RFC3339), since.Format(time.RFC3339))
	}
	return nil
}

// missing reports a required field left empty, and what it should hold.
func missing(field, what string) error {
	return fmt.Errorf("pagerduty: %s is required: %s", field, what)
}
