package pagerduty

import (
	"context"
)

// doCSV sends csv as the text/csv body of r and decodes the JSON answer
// into out.
func (c *Client) doCSV(ctx context.Context, r *request, csv []byte, out any) error {
	r2 := *r
	r2.raw, r2.contentType = csv, "text/csv"
	return c.do(ctx, &r2, out)
}
