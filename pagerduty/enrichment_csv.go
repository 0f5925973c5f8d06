package pagerduty

import (
	"context"
	"fmt"
	"io"
	"net/http"
)

// doCSV sends csv as the text/csv body of r and decodes the JSON answer
// into out.
func (c *Client) doCSV(ctx context.Context, r *request, csv []byte, out any) error {
	resp, err := c.sendCustom(ctx, r, rawBody{contentType: "text/csv", data: csv})
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNoContent {
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	}
	if err := decodeJSON(resp.Body, out); err != nil {
		return fmt.Errorf("pagerduty: %s %s: decoding the answer: %w", r.method, r.path, err)
	}
	return nil
}
