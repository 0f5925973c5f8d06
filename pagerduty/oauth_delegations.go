package pagerduty

import (
	"context"
	"encoding/json"
	"net/url"
	"time"
)

// OAuthDelegationType is the kind of app access an OAuth delegation grants.
type OAuthDelegationType string

// The kinds of OAuth delegations that can be revoked.
const (
	// OAuthDelegationMobile is the PagerDuty mobile app's access: revoking
	// it signs the user out of the app.
	OAuthDelegationMobile OAuthDelegationType = "mobile"
	// OAuthDelegationWeb is a web app session: revoking it signs the user
	// out of the web app.
	OAuthDelegationWeb OAuthDelegationType = "web"
)

// DeleteOAuthDelegationsParams says whose delegations of which kind to
// revoke. Both fields are required.
type DeleteOAuthDelegationsParams struct {
	UserID string
	Type   OAuthDelegationType
}

// Delete revokes the OAuth delegations of one kind held by one user, which
// signs that user out of the mobile or the web app. It returns the status
// the API reports ("ok").
//
// OAuth scope oauth_delegations.write.
func (s *OAuthDelegationsService) Delete(ctx context.Context, p DeleteOAuthDelegationsParams) (string, error) {
	if err := checkIDs("UserID", []string{p.UserID}); err != nil {
		return "", err
	}
	if err := oneOf("Type", []OAuthDelegationType{p.Type}, OAuthDelegationMobile, OAuthDelegationWeb); err != nil {
		return "", err
	}
	q := url.Values{"user_id": {p.UserID}, "type": {string(p.Type)}}
	var out struct {
		Status string `json:"status"`
	}
	if err := s.client.do(ctx, &request{method: "DELETE", path: "/oauth_delegations", query: q}, &out); err != nil {
		return "", err
	}
	return out.Status, nil
}

// OAuthRevocationStatus is what the API reports about pending revocations.
// The API does not document its fields, so the answer is kept whole.
type OAuthRevocationStatus struct {
	// Raw is the answer as the API sent it.
	Raw json.RawMessage
}

// RevocationRequestsStatus reports on the account's OAuth delegation
// revocation requests made up to requestedAtEnd (zero: no bound).
//
// Deprecated: revocations are now done at once by Delete, so none is ever
// pending; the API keeps this call for older programs.
//
// OAuth scope oauth_delegations.read.
func (s *OAuthDelegationsService) RevocationRequestsStatus(ctx context.Context, requestedAtEnd time.Time) (*OAuthRevocationStatus, error) {
	q := url.Values{}
	if !requestedAtEnd.IsZero() {
		q.Set("requested_at_end", requestedAtEnd.UTC().Format(time.RFC3339))
	}
	var raw json.RawMessage
	if err := s.client.do(ctx, &request{method: "GET", path: "/oauth_delegations/revocation_requests/status", query: q}, &raw); err != nil {
		return nil, err
	}
	return &OAuthRevocationStatus{Raw: raw}, nil
}
