package pagerduty

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// IntegrationType is the kind of an integration: how it receives events.
type IntegrationType string

// The integration types. EventsAPIV2 is the one most tools use.
const (
	IntegrationEventsAPIV2      IntegrationType = "events_api_v2_inbound_integration"
	IntegrationGenericEventsAPI IntegrationType = "generic_events_api_inbound_integration"
	IntegrationGenericEmail     IntegrationType = "generic_email_inbound_integration"
	IntegrationAWSCloudWatch    IntegrationType = "aws_cloudwatch_inbound_integration"
	IntegrationCloudkick        IntegrationType = "cloudkick_inbound_integration"
	IntegrationEventTransformer IntegrationType = "event_transformer_api_inbound_integration"
	IntegrationKeynote          IntegrationType = "keynote_inbound_integration"
	IntegrationNagios           IntegrationType = "nagios_inbound_integration"
	IntegrationPingdom          IntegrationType = "pingdom_inbound_integration"
	IntegrationSQLMonitor       IntegrationType = "sql_monitor_inbound_integration"
	integrationReferenceSuffix                  = "_reference"
)

var integrationTypes = []IntegrationType{IntegrationEventsAPIV2, IntegrationGenericEventsAPI, IntegrationGenericEmail,
	IntegrationAWSCloudWatch, IntegrationCloudkick, IntegrationEventTransformer, IntegrationKeynote,
	IntegrationNagios, IntegrationPingdom, IntegrationSQLMonitor}

// Integration receives the events of a monitoring tool (or emails) for a
// service. In a service answer without ServiceIncludeIntegrations only its
// reference fields are set, and Type ends in "_reference".
type Integration struct {
	ID      string          `json:"id,omitempty"`
	Type    IntegrationType `json:"type,omitempty"`
	Summary string          `json:"summary,omitempty"`
	Self    string          `json:"self,omitempty"`
	HTMLURL string          `json:"html_url,omitempty"`

	Name string `json:"name,omitempty"`
	// Service is the integration's service (in full with
	// IntegrationIncludeServices).
	Service   *Service  `json:"service,omitempty"`
	CreatedAt time.Time `json:"created_at,omitzero"`
	// Vendor is the tool that sends the events (in full with
	// IntegrationIncludeVendors).
	Vendor *Vendor `json:"vendor,omitempty"`
	// IntegrationKey is the routing key events are sent with (Events API
	// integrations). Treat it as a secret.
	IntegrationKey string `json:"integration_key,omitempty"`
	// IntegrationEmail is the address of an email integration.
	IntegrationEmail string `json:"integration_email,omitempty"`
	// EmailIncidentCreation is "on_new_email", "on_new_email_subject",
	// "only_if_no_open_incidents" or "use_rules".
	EmailIncidentCreation string `json:"email_incident_creation,omitempty"`
	// EmailFilterMode is "all-email", "or-rules-email" or
	// "and-rules-email".
	EmailFilterMode string        `json:"email_filter_mode,omitempty"`
	EmailParsers    []EmailParser `json:"email_parsers,omitempty"`
	// EmailParsingFallback is "open_new_incident" or "discard".
	EmailParsingFallback string        `json:"email_parsing_fallback,omitempty"`
	EmailFilters         []EmailFilter `json:"email_filters,omitempty"`
}

// IsReference reports whether i holds only a reference (an answer without
// the integrations expansion).
func (i *Integration) IsReference() bool {
	return strings.HasSuffix(string(i.Type), integrationReferenceSuffix)
}

// Vendor is a monitoring tool PagerDuty knows how to receive events from.
type Vendor struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name             string `json:"name,omitempty"`
	Description      string `json:"description,omitempty"`
	WebsiteURL       string `json:"website_url,omitempty"`
	LogoURL          string `json:"logo_url,omitempty"`
	ThumbnailURL     string `json:"thumbnail_url,omitempty"`
	IntegrationGuide string `json:"integration_guide_url,omitempty"`
	// GenericServiceType is the integration type a service uses for this
	// vendor.
	GenericServiceType string `json:"generic_service_type,omitempty"`
}

// EmailParser turns matching emails into trigger or resolve events.
type EmailParser struct {
	ID int `json:"id,omitempty"`
	// Action is "trigger" or "resolve".
	Action          string                `json:"action"`
	MatchPredicate  MatchPredicate        `json:"match_predicate"`
	ValueExtractors []EmailValueExtractor `json:"value_extractors,omitempty"`
}

// MatchPredicate is a test on an email: a leaf (contains, exactly, regex)
// on a Part, or a combination (all, any, not) of Children.
type MatchPredicate struct {
	// Type is "all", "any", "not", "contains", "exactly" or "regex".
	Type    string `json:"type"`
	Matcher string `json:"matcher,omitempty"`
	// Part is "body", "subject" or "from_addresses".
	Part     string           `json:"part,omitempty"`
	Children []MatchPredicate `json:"children,omitempty"`
}

// EmailValueExtractor takes a value (such as the incident key) out of an
// email.
type EmailValueExtractor struct {
	// Type is "entire", "regex" or "between".
	Type string `json:"type"`
	// Part is "body", "subject" or "from_addresses".
	Part        string `json:"part"`
	ValueName   string `json:"value_name"`
	Regex       string `json:"regex,omitempty"`
	StartsAfter string `json:"starts_after,omitempty"`
	EndsWith    string `json:"ends_with,omitempty"`
}

// EmailFilter accepts or refuses emails by subject, body and sender. Each
// mode is "match", "no-match" or "always".
type EmailFilter struct {
	SubjectMode    string `json:"subject_mode"`
	SubjectRegex   string `json:"subject_regex,omitempty"`
	BodyMode       string `json:"body_mode"`
	BodyRegex      string `json:"body_regex,omitempty"`
	FromEmailMode  string `json:"from_email_mode"`
	FromEmailRegex string `json:"from_email_regex,omitempty"`
}

// IntegrationInclude names an object an integration answer can embed.
type IntegrationInclude string

// The expansions integration answers accept.
const (
	IntegrationIncludeServices IntegrationInclude = "services"
	IntegrationIncludeVendors  IntegrationInclude = "vendors"
)

// GetIntegrationOptions selects what an integration answer embeds.
type GetIntegrationOptions struct {
	Includes []IntegrationInclude `url:"include[]"`
}

// IntegrationParams describes an integration to create, or the changes to
// make to one. Create needs Type; Update sends only the fields that are set.
type IntegrationParams struct {
	Type IntegrationType
	Name string
	// VendorID names the monitoring tool, so PagerDuty can parse its events.
	VendorID string
	// IntegrationEmail is the address of an email integration, at the
	// account's PagerDuty domain.
	IntegrationEmail      string
	EmailIncidentCreation string
	EmailFilterMode       string
	EmailParsers          []EmailParser
	EmailParsingFallback  string
	EmailFilters          []EmailFilter
}

type integrationWire struct {
	Type                  IntegrationType `json:"type,omitempty"`
	Name                  string          `json:"name,omitempty"`
	Service               *Reference      `json:"service,omitempty"`
	Vendor                *Reference      `json:"vendor,omitempty"`
	IntegrationEmail      string          `json:"integration_email,omitempty"`
	EmailIncidentCreation string          `json:"email_incident_creation,omitempty"`
	EmailFilterMode       string          `json:"email_filter_mode,omitempty"`
	EmailParsers          []EmailParser   `json:"email_parsers,omitempty"`
	EmailParsingFallback  string          `json:"email_parsing_fallback,omitempty"`
	EmailFilters          []EmailFilter   `json:"email_filters,omitempty"`
}

func (p *IntegrationParams) wire(serviceID string, create bool) (*integrationWire, error) {
	if p == nil {
		return nil, required("the integration params", "pass an *IntegrationParams")
	}
	if create && p.Type == "" {
		return nil, required("Type", "the kind of integration, such as "+string(IntegrationEventsAPIV2))
	}
	if err := oneOfIfSet("Type", p.Type, integrationTypes...); err != nil {
		return nil, err
	}
	checks := []struct {
		field, value string
		allowed      []string
	}{
		{"EmailIncidentCreation", p.EmailIncidentCreation, []string{"on_new_email", "on_new_email_subject", "only_if_no_open_incidents", "use_rules"}},
		{"EmailFilterMode", p.EmailFilterMode, []string{"all-email", "or-rules-email", "and-rules-email"}},
		{"EmailParsingFallback", p.EmailParsingFallback, []string{"open_new_incident", "discard"}},
	}
	for _, c := range checks {
		if c.value != "" {
			if err := oneOf(c.field, []string{c.value}, c.allowed...); err != nil {
				return nil, err
			}
		}
	}
	for i, ep := range p.EmailParsers {
		if err := oneOf(fmt.Sprintf("EmailParsers[%d].Action", i), []string{ep.Action}, "trigger", "resolve"); err != nil {
			return nil, err
		}
	}
	w := &integrationWire{Type: p.Type, Name: p.Name, IntegrationEmail: p.IntegrationEmail,
		EmailIncidentCreation: p.EmailIncidentCreation, EmailFilterMode: p.EmailFilterMode,
		EmailParsers: p.EmailParsers, EmailParsingFallback: p.EmailParsingFallback, EmailFilters: p.EmailFilters}
	if create {
		w.Service = &Reference{ID: serviceID, Type: "service_reference"}
	}
	if p.VendorID != "" {
		if err := ValidateID(p.VendorID); err != nil {
			return nil, fmt.Errorf("VendorID: %w", err)
		}
		w.Vendor = &Reference{ID: p.VendorID, Type: "vendor_reference"}
	}
	if !create && w.Type == "" && w.Name == "" && w.Vendor == nil && w.IntegrationEmail == "" &&
		w.EmailIncidentCreation == "" && w.EmailFilterMode == "" && w.EmailParsers == nil &&
		w.EmailParsingFallback == "" && w.EmailFilters == nil {
		return nil, required("a change", "set at least one field of IntegrationParams")
	}
	return w, nil
}

// CreateIntegration adds an integration to the service serviceID and
// returns it; for an Events API integration, its IntegrationKey is the
// routing key to send events with.
//
// OAuth scope services.write.
func (s *ServicesService) CreateIntegration(ctx context.Context, serviceID string, p *IntegrationParams) (*Integration, error) {
	return writeAt[Integration](ctx, s.client, "POST", "/services/{id}/integrations", "integration",
		func() (*integrationWire, error) { return p.wire(serviceID, true) },
		serviceID)
}

// GetIntegration returns the integration integrationID of the service
// serviceID.
//
// OAuth scope services.read.
func (s *ServicesService) GetIntegration(ctx context.Context, serviceID, integrationID string, opts *GetIntegrationOptions) (*Integration, error) {
	return getIncluding[Integration](ctx, s.client, "/services/{id}/integrations/{integration_id}", "integration", []string{serviceID, integrationID}, opts,
		func(o *GetIntegrationOptions) []IntegrationInclude { return o.Includes }, IntegrationIncludeServices, IntegrationIncludeVendors)
}

// UpdateIntegration changes the integration integrationID of the service
// serviceID and returns it as it is now. Only the fields set in p are sent.
//
// OAuth scope services.write.
func (s *ServicesService) UpdateIntegration(ctx context.Context, serviceID, integrationID string, p *IntegrationParams) (*Integration, error) {
	return writeAt[Integration](ctx, s.client, "PUT", "/services/{id}/integrations/{integration_id}", "integration",
		func() (*integrationWire, error) { return p.wire(serviceID, false) },
		serviceID, integrationID)
}
