package pagerduty

import (
	"context"
	"fmt"
	"net/url"
)

// UsersService reads and changes users.
type UsersService service

// UserRole is a user's role in the account.
type UserRole string

// The user roles.
const (
	RoleAdmin               UserRole = "admin"
	RoleLimitedUser         UserRole = "limited_user"
	RoleObserver            UserRole = "observer"
	RoleOwner               UserRole = "owner"
	RoleReadOnlyUser        UserRole = "read_only_user"
	RoleRestrictedAccess    UserRole = "restricted_access"
	RoleReadOnlyLimitedUser UserRole = "read_only_limited_user"
	RoleUser                UserRole = "user"
)

// User is a person with a PagerDuty login.
type User struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name  string `json:"name,omitempty"`
	Email string `json:"email,omitempty"`
	// TimeZone is the user's IANA time zone, such as "Europe/Berlin".
	TimeZone       string   `json:"time_zone,omitempty"`
	Color          string   `json:"color,omitempty"`
	Role           UserRole `json:"role,omitempty"`
	AvatarURL      string   `json:"avatar_url,omitempty"`
	Description    string   `json:"description,omitempty"`
	InvitationSent bool     `json:"invitation_sent,omitempty"`
	JobTitle       string   `json:"job_title,omitempty"`
	CreatedViaSSO  bool     `json:"created_via_sso,omitempty"`
	// Teams, ContactMethods and NotificationRules are references unless the
	// call asked for them in full (include[]).
	Teams             []Team             `json:"teams,omitempty"`
	ContactMethods    []ContactMethod    `json:"contact_methods,omitempty"`
	NotificationRules []NotificationRule `json:"notification_rules,omitempty"`
	// HTTPCalURL and WebCalURL are the user's on-call calendar feeds.
	HTTPCalURL string `json:"http_cal_url,omitempty"`
	WebCalURL  string `json:"web_cal_url,omitempty"`
}

// ContactMethod is a way to reach a user: an email address, a phone number
// for calls or SMS, or a device for push notifications.
type ContactMethod struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	// Label names the method for the user ("Work", "Mobile").
	Label string `json:"label,omitempty"`
	// Address is the email address, the phone number without country code,
	// or the device token.
	Address     string `json:"address,omitempty"`
	CountryCode int    `json:"country_code,omitempty"`
	// SendShortEmail and SendHTMLEmail shape email notifications.
	SendShortEmail bool `json:"send_short_email,omitempty"`
	SendHTMLEmail  bool `json:"send_html_email,omitempty"`
	// Blacklisted reports a number PagerDuty can no longer reach.
	Blacklisted bool `json:"blacklisted,omitempty"`
	Enabled     bool `json:"enabled,omitempty"`
}

// NotificationRule says how and when to notify a user of an incident of an
// urgency: through which contact method, how many minutes after assignment.
type NotificationRule struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	StartDelayInMinutes int            `json:"start_delay_in_minutes"`
	ContactMethod       *ContactMethod `json:"contact_method,omitempty"`
	// Urgency is "high", "low" or "any".
	Urgency string `json:"urgency,omitempty"`
}

// UserInclude names what a user answer can embed in full.
type UserInclude string

// The expansions user answers accept.
const (
	IncludeUserContactMethods    UserInclude = "contact_methods"
	IncludeUserNotificationRules UserInclude = "notification_rules"
	IncludeUserTeams             UserInclude = "teams"
	IncludeUserSubdomains        UserInclude = "subdomains"
	IncludeUserCalendarURLs      UserInclude = "calendar_urls"
)

// GetUserOptions selects what a user answer embeds.
type GetUserOptions struct {
	Includes []UserInclude `url:"include[]"`
}

func (o *GetUserOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if err := oneOf("Includes", o.Includes, IncludeUserContactMethods, IncludeUserNotificationRules,
		IncludeUserTeams, IncludeUserSubdomains, IncludeUserCalendarURLs); err != nil {
		return nil, err
	}
	encodeQuery(q, o)
	return q, nil
}

// GetCurrent returns the user the credential belongs to. It needs a user
// token or a user's OAuth token: an account-level API key has no user and
// gets an error.
//
// OAuth scope users.read.
func (s *UsersService) GetCurrent(ctx context.Context, opts *GetUserOptions) (*User, error) {
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	var out struct {
		User *User `json:"user"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: "/users/me", query: q}, &out); err != nil {
		return nil, err
	}
	if out.User == nil {
		return nil, fmt.Errorf("pagerduty: GET /users/me: the answer has no user")
	}
	return out.User, nil
}
