package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"strings"
	"time"
)

// UsersService reads and changes users: their profiles, contact methods,
// notification rules, sessions, OAuth delegations, licenses, status update
// subscriptions and audit trails.
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
	// HTTPCalURL and WebCalURL are the user's on-call calendar feeds
	// (IncludeUserCalendarURLs).
	HTTPCalURL string `json:"http_cal_url,omitempty"`
	WebCalURL  string `json:"web_cal_url,omitempty"`
	// License is the license the user holds, when the answer names it.
	License *Reference `json:"license,omitempty"`
	// Subdomains are the subdomains of the accounts the user belongs to
	// (IncludeUserSubdomains).
	Subdomains []string `json:"subdomains,omitempty"`
}

// ContactMethod is a way to reach a user: an email address, a phone number
// for calls or SMS, or a device for push notifications.
type ContactMethod struct {
	ID string `json:"id,omitempty"`
	// Type is the kind of method; in references it ends in "_reference".
	Type    ContactMethodType `json:"type,omitempty"`
	Summary string            `json:"summary,omitempty"`
	Self    string            `json:"self,omitempty"`
	HTMLURL string            `json:"html_url,omitempty"`

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
	// DeviceType is "android" or "ios" for push notification methods.
	DeviceType string `json:"device_type,omitempty"`
	// Sounds are the alert sounds of a push notification method.
	Sounds    []PushSound `json:"sounds,omitempty"`
	CreatedAt time.Time   `json:"created_at,omitzero"`
}

// NotificationRule says how and when to notify a user of an incident of an
// urgency: through which contact method, how many minutes after assignment.
type NotificationRule struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	// StartDelayInMinutes is how long after assignment the user is
	// notified.
	StartDelayInMinutes int `json:"start_delay_in_minutes"`
	// ContactMethod is the method used: a reference, or the full method
	// with IncludeNotificationRuleContactMethods.
	ContactMethod *ContactMethod `json:"contact_method,omitempty"`
	// Urgency is the urgency of the incidents the rule applies to: high or
	// low.
	Urgency   Urgency   `json:"urgency,omitempty"`
	CreatedAt time.Time `json:"created_at,omitzero"`
}

// UserInclude names what a user answer can embed in full.
type UserInclude string

// The expansions user answers accept.
const (
	IncludeUserContactMethods    UserInclude = "contact_methods"
	IncludeUserNotificationRules UserInclude = "notification_rules"
	IncludeUserTeams             UserInclude = "teams"
	IncludeUserSubdomains        UserInclude = "subdomains"
	IncludeUserCalendarURLs      UserInclude = "calendar_urls" // Get and GetCurrent only
)

var userListIncludes = []UserInclude{IncludeUserContactMethods, IncludeUserNotificationRules, IncludeUserTeams, IncludeUserSubdomains}

// GetUserOptions selects what a user answer embeds.
type GetUserOptions struct {
	// Includes embeds these objects in full.
	Includes []UserInclude `url:"include[]"`
}

func (o *GetUserOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if err := oneOf("Includes", o.Includes, append(userListIncludes, IncludeUserCalendarURLs)...); err != nil {
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

// PushSound is an alert sound of a push notification contact method.
type PushSound struct {
	// Type is "alert_high_urgency" or "alert_low_urgency".
	Type string `json:"type,omitempty"`
	File string `json:"file,omitempty"`
}

// ListUsersOptions filters and pages a user listing. The zero value lists
// every user of the account.
type ListUsersOptions struct {
	ListOptions

	// Query keeps the users whose name or email contains this text.
	Query string `url:"query"`
	// TeamIDs keeps the members of these teams.
	TeamIDs []string `url:"team_ids[]"`
	// Includes embeds these objects in full (IncludeUserCalendarURLs is
	// not accepted in lists).
	Includes []UserInclude `url:"include[]"`
}

func (o *ListUsersOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := oneOf("Includes", o.Includes, userListIncludes...); err != nil {
		return nil, ListOptions{}, err
	}
	if err := checkIDs("TeamIDs", o.TeamIDs); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the users that match opts, fetching pages as the loop asks
// for them; breaking out of the loop stops fetching.
//
//	for u, err := range c.Users.List(ctx, &pagerduty.ListUsersOptions{Query: "jane"}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(u.Name, u.Email)
//	}
//
// OAuth scope users.read.
func (s *UsersService) List(ctx context.Context, opts *ListUsersOptions) iter.Seq2[User, error] {
	return offsetSeqAt[User](ctx, s.client, "/users", "users", opts.query)
}

// ListPage returns one page of the users that match opts, at opts.Offset,
// with the pagination facts (More, and Total when opts.Total is set).
//
// OAuth scope users.read.
func (s *UsersService) ListPage(ctx context.Context, opts *ListUsersOptions) (*Page[User], error) {
	return offsetPageAt[User](ctx, s.client, "/users", "users", opts.query)
}

// Get returns the user with the given ID.
//
// OAuth scope users.read.
func (s *UsersService) Get(ctx context.Context, id string, opts *GetUserOptions) (*User, error) {
	path, err := expandPath("/users/{id}", id)
	if err != nil {
		return nil, err
	}
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return objectCall[User](ctx, s.client, &request{method: "GET", path: path, query: q}, "user")
}

// UserParams describes a user to create, or the changes to make to one.
// Create needs Name and Email; Update sends only the fields that are set
// and leaves the others as they are.
type UserParams struct {
	// From is the email of the PagerDuty user making the change; empty
	// means the client's WithFrom. Create needs one.
	From string `json:"-"`

	Name  string
	Email string
	// TimeZone is an IANA time zone such as "Europe/Berlin"; empty means
	// the account's.
	TimeZone string
	// Color is the user's color on schedules ("green", "purple").
	Color string
	// Role is the user's role in the account; empty means the default
	// (user) on Create and no change on Update.
	Role UserRole
	// Description and JobTitle are free text; a pointer to "" clears them.
	Description *string
	JobTitle    *string
	// LicenseID assigns this license (see Users.GetLicense).
	LicenseID string
}

// userWire is the user object of write requests: only what is set is sent.
type userWire struct {
	Type        string     `json:"type"`
	Name        string     `json:"name,omitempty"`
	Email       string     `json:"email,omitempty"`
	TimeZone    string     `json:"time_zone,omitempty"`
	Color       string     `json:"color,omitempty"`
	Role        UserRole   `json:"role,omitempty"`
	Description *string    `json:"description,omitempty"`
	JobTitle    *string    `json:"job_title,omitempty"`
	License     *Reference `json:"license,omitempty"`
}

var userRoles = []UserRole{RoleAdmin, RoleLimitedUser, RoleObserver, RoleOwner, RoleReadOnlyUser,
	RoleRestrictedAccess, RoleReadOnlyLimitedUser, RoleUser}

func (p *UserParams) wire(create bool) (*userWire, error) {
	if p == nil {
		return nil, required("the user params", "pass a *UserParams")
	}
	if create && strings.TrimSpace(p.Name) == "" {
		return nil, required("Name", "the user's full name")
	}
	if create && p.Email == "" {
		return nil, required("Email", "the user's login email address")
	}
	if p.Email != "" && !strings.Contains(p.Email, "@") {
		return nil, fmt.Errorf("pagerduty: Email %q is not an email address", p.Email)
	}
	if err := oneOfIfSet("Role", p.Role, userRoles...); err != nil {
		return nil, err
	}
	w := &userWire{Type: "user", Name: p.Name, Email: p.Email, TimeZone: p.TimeZone, Color: p.Color,
		Role: p.Role, Description: p.Description, JobTitle: p.JobTitle}
	if p.LicenseID != "" {
		if err := ValidateID(p.LicenseID); err != nil {
			return nil, fmt.Errorf("LicenseID: %w", err)
		}
		w.License = &Reference{ID: p.LicenseID, Type: "license_reference"}
	}
	if !create && *w == (userWire{Type: "user"}) {
		return nil, fmt.Errorf("pagerduty: the update changes nothing: set at least one field of UserParams")
	}
	return w, nil
}

// Create adds a user to the account and returns it. PagerDuty sends the new
// user an invitation by email.
//
// OAuth scope users.write.
func (s *UsersService) Create(ctx context.Context, p *UserParams) (*User, error) {
	w, err := p.wire(true)
	if err != nil {
		return nil, err
	}
	if err := s.client.needFrom(p.From); err != nil {
		return nil, err
	}
	body := map[string]any{"user": w}
	return objectCall[User](ctx, s.client, &request{method: "POST", path: "/users", body: body, from: p.From}, "user")
}

// Update changes the user with the given ID and returns it as it is now.
// Only the fields set in p are sent.
//
// OAuth scope users.write.
func (s *UsersService) Update(ctx context.Context, id string, p *UserParams) (*User, error) {
	path, err := expandPath("/users/{id}", id)
	if err != nil {
		return nil, err
	}
	w, err := p.wire(false)
	if err != nil {
		return nil, err
	}
	body := map[string]any{"user": w}
	return objectCall[User](ctx, s.client, &request{method: "PUT", path: path, body: body, from: p.From}, "user")
}

// Delete removes the user with the given ID from the account. The API
// refuses while the user is the only target of an escalation rule or has
// open incidents assigned.
//
// OAuth scope users.write.
func (s *UsersService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/users/{id}", id)
}
