package pagerduty

import (
	"context"
	"iter"
)

// ExtensionSendType is an incident event an extension can forward.
type ExtensionSendType string

// The events extensions forward.
const (
	ExtensionSendTrigger       ExtensionSendType = "trigger"
	ExtensionSendAcknowledge   ExtensionSendType = "acknowledge"
	ExtensionSendResolve       ExtensionSendType = "resolve"
	ExtensionSendDelegate      ExtensionSendType = "delegate"
	ExtensionSendEscalate      ExtensionSendType = "escalate"
	ExtensionSendUnacknowledge ExtensionSendType = "unacknowledge"
	ExtensionSendAssign        ExtensionSendType = "assign"
	ExtensionSendCustom        ExtensionSendType = "custom"
)

// ExtensionSchema is a kind of extension an account can add (a vendor's
// outbound integration, such as a generic webhook or a chat tool).
type ExtensionSchema struct {
	ID      string `json:"id"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	// Label is the schema's display name; Key its machine name.
	Label       string `json:"label,omitempty"`
	Key         string `json:"key,omitempty"`
	Description string `json:"description,omitempty"`
	IconURL     string `json:"icon_url,omitempty"`
	LogoURL     string `json:"logo_url,omitempty"`
	// GuideURL documents how to set the extension up.
	GuideURL string `json:"guide_url,omitempty"`
	// SendTypes are the incident events the extension forwards.
	SendTypes []ExtensionSendType `json:"send_types,omitempty"`
	// URL is where the extension sends its events, when fixed by the vendor.
	URL string `json:"url,omitempty"`
}

// List streams the extension schemas available to the account.
//
// OAuth scope extension_schemas.read.
func (s *ExtensionSchemasService) List(ctx context.Context, opts *ListOptions) iter.Seq2[ExtensionSchema, error] {
	return offsetSeqAt[ExtensionSchema](ctx, s.client, "/extension_schemas", "extension_schemas", pagedQuery(opts))
}

// ListPage returns one page of the extension schemas available to the
// account.
//
// OAuth scope extension_schemas.read.
func (s *ExtensionSchemasService) ListPage(ctx context.Context, opts *ListOptions) (*Page[ExtensionSchema], error) {
	return offsetPageAt[ExtensionSchema](ctx, s.client, "/extension_schemas", "extension_schemas", pagedQuery(opts))
}

// Get returns the extension schema id.
//
// OAuth scope extension_schemas.read.
func (s *ExtensionSchemasService) Get(ctx context.Context, id string) (*ExtensionSchema, error) {
	path, err := expandPath("/extension_schemas/{id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[ExtensionSchema](ctx, s.client, &request{method: "GET", path: path}, "extension_schema")
}
