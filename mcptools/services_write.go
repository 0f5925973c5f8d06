package mcptools

import (
	"context"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

type updateServiceIn struct {
	Service            string `json:"service" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The service: its ID or name."`
	AutoResolveMinutes *int   `json:"auto_resolve_minutes,omitempty" jsonschema:"minimum=0,maximum=10080" jsonschema_description:"Resolve incidents left open this many minutes; 0 turns it off."`
	AckTimeoutMinutes  *int   `json:"ack_timeout_minutes,omitempty" jsonschema:"minimum=0,maximum=1440" jsonschema_description:"Re-trigger incidents acknowledged this many minutes ago; 0 turns it off."`
	EscalationPolicy   string `json:"escalation_policy,omitempty" jsonschema:"maxLength=200" jsonschema_description:"The escalation policy to notify: its ID or name."`
	Status             string `json:"status,omitempty" jsonschema:"enum=active,enum=disabled" jsonschema_description:"active, or disabled (the service opens no incidents)."`
	Description        string `json:"description,omitempty" jsonschema:"maxLength=1024" jsonschema_description:"A new description."`
}

var updateService = &tool[updateServiceIn, *ServiceDetail]{
	spec: spec{
		name:        "update_service",
		title:       "Change a service's settings",
		toolset:     ToolsetServices,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Changes a service's settings: automatic resolution, acknowledgement timeout, escalation policy, status (active or disabled) or description. Only the arguments given change.
Returns the service as it now is.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in updateServiceIn) (*ServiceDetail, error) {
		p := &pagerduty.ServiceParams{Status: pagerduty.ServiceStatus(in.Status)}
		if in.AutoResolveMinutes != nil {
			sec := *in.AutoResolveMinutes * 60
			p.AutoResolveTimeout = &sec
		}
		if in.AckTimeoutMinutes != nil {
			sec := *in.AckTimeoutMinutes * 60
			p.AcknowledgementTimeout = &sec
		}
		if d := strings.TrimSpace(in.Description); d != "" {
			p.Description = &d
		}
		var err error
		if err := resolveOptional(ctx, c, "escalation_policy", in.EscalationPolicy, resolveEscalationPolicy, &p.EscalationPolicyID); err != nil {
			return nil, err
		}
		if p.AutoResolveTimeout == nil && p.AcknowledgementTimeout == nil && p.Description == nil && p.EscalationPolicyID == "" && p.Status == "" {
			return nil, userError("Nothing to change: give auto_resolve_minutes, ack_timeout_minutes, escalation_policy, status or description.")
		}
		id, err := resolveService(ctx, c, "service", in.Service)
		if err != nil {
			return nil, err
		}
		s, err := c.client.Services.Update(ctx, id, p)
		if err != nil {
			return nil, err
		}
		return &ServiceDetail{Service: trimService(s), AutoResolveMinutes: toMinutes(s.AutoResolveTimeout),
			AckTimeoutMinutes: toMinutes(s.AcknowledgementTimeout), AlertCreation: string(s.AlertCreation)}, nil
	},
}
