package pagerduty_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pdkit/pdkit/pagerduty"
)

// Recorded with scripts/record.sh ./pagerduty -run '^TestOAuthDelegationsCassette'.
func TestOAuthDelegationsCassette(t *testing.T) {
	c := replayClient(t, "pagerduty/oauth_delegations/all")
	ctx := context.Background()

	status := must(c.OAuthDelegations.Delete(ctx, pagerduty.DeleteOAuthDelegationsParams{UserID: "PDSZ0ZV", Type: pagerduty.OAuthDelegationMobile})).ok(t, "Delete")
	if status == "" {
		t.Errorf("Delete: no status")
	}
	// The API description documents no successful answer for this
	// deprecated call, so the mock answers with its documented error: the
	// recording checks the request and that the error is typed.
	_, err := c.OAuthDelegations.RevocationRequestsStatus(ctx, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	var apiErr *pagerduty.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 400 {
		t.Errorf("RevocationRequestsStatus: error %v, want the mock's documented 400 as an *APIError", err)
	}
}
