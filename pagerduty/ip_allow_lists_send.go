package pagerduty

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/pdkit/pdkit/internal/httpcore"
)

// The IP allow list calls are in Early Access: the API answers them only
// when each request carries this header.
const (
	earlyAccessHeader   = "X-EARLY-ACCESS"
	ipAllowListsFeature = "ip-allow-lists"
)

// sendEarlyAccess performs r as Client.send does, adding the Early Access
// header the IP allow list calls need.
func (c *Client) sendEarlyAccess(ctx context.Context, r *request, feature string) (*http.Response, error) {
	return c.sendCustom(ctx, r, rawBody{header: http.Header{earlyAccessHeader: {feature}}})
}

// rawBody is what sendCustom adds to a request: headers, and a body sent
// as it is (with its content type) instead of r.body as JSON.
type rawBody struct {
	header      http.Header
	contentType string
	data        []byte
}

// sendCustom performs r as Client.send does, with the extra headers or the
// non-JSON body of rb, which the shared request has no room for (the Early
// Access header, CSV uploads).
func (c *Client) sendCustom(ctx context.Context, r *request, rb rawBody) (*http.Response, error) {
	var body any
	switch {
	case rb.data != nil:
		body = rb.data
	case r.body != nil:
		b, err := json.Marshal(r.body)
		if err != nil {
			return nil, fmt.Errorf("pagerduty: %s %s: encoding the request body: %w", r.method, r.path, err)
		}
		body = b
	}
	u := c.base + r.path
	if len(r.query) > 0 {
		u += "?" + r.query.Encode()
	}
	ctx = httpcore.WithMethod(ctx, r.method)
	if r.retrySafe {
		ctx = httpcore.WithRetrySafe(ctx)
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, r.method, u, body)
	if err != nil {
		return nil, fmt.Errorf("pagerduty: %s %s: %w", r.method, r.path, err)
	}
	req.Header.Set("Accept", mediaType)
	req.Header.Set("Content-Type", "application/json")
	if rb.contentType != "" {
		req.Header.Set("Content-Type", rb.contentType)
	}
	for k, vs := range rb.header {
		req.Header[http.CanonicalHeaderKey(k)] = vs
	}
	if from := r.from; from != "" {
		req.Header.Set("From", from)
	} else if c.from != "" {
		req.Header.Set("From", c.from)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		var uo *httpcore.UnknownOutcomeError
		if errors.As(err, &uo) {
			return nil, &UnknownOutcomeError{Method: r.method, Path: r.path, Err: uo.Err}
		}
		return nil, fmt.Errorf("pagerduty: %s %s: %w", r.method, r.path, err)
	}
	if resp.StatusCode >= 400 {
		defer resp.Body.Close()
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
		return nil, newAPIError(resp, r.method, r.path, b)
	}
	return resp, nil
}

// doEarlyAccess performs r with the Early Access header and decodes the
// answer into out (nil: discarded).
func (c *Client) doEarlyAccess(ctx context.Context, r *request, feature string, out any) error {
	resp, err := c.sendEarlyAccess(ctx, r, feature)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if out == nil || resp.StatusCode == http.StatusNoContent {
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	}
	if err := decodeJSON(resp.Body, out); err != nil {
		return fmt.Errorf("pagerduty: %s %s: decoding the answer: %w", r.method, r.path, err)
	}
	return nil
}

// pageEarlyAccess fetches one page of a list with the Early Access header.
func pageEarlyAccess[T any](ctx context.Context, c *Client, r *request, feature, key string) (*Page[T], error) {
	resp, err := c.sendEarlyAccess(ctx, r, feature)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := readAnswer(resp)
	if err != nil {
		return nil, fmt.Errorf("pagerduty: %s %s: %w", r.method, r.path, err)
	}
	p := &Page[T]{}
	limit, _ := strconv.Atoi(r.query.Get("limit"))
	if err := decodePage(b, key, min(limit, MaxPageSize), p); err != nil {
		return nil, fmt.Errorf("pagerduty: %s %s: decoding the answer: %w", r.method, r.path, err)
	}
	return p, nil
}
