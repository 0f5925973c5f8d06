package mcptools

import (
	"context"
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

type alertGroupingIn struct {
	Service        string   `json:"service" jsonschema:"required,minLength=1,maxLength=200" jsonschema_description:"The service whose alerts are grouped: its ID or name."`
	Type           string   `json:"type" jsonschema:"required,enum=time,enum=intelligent,enum=content_based,enum=content_based_intelligent" jsonschema_description:"time: alerts arriving within a window join one incident; intelligent: PagerDuty groups alerts the way responders did (machine learning); content_based: alerts whose fields match; content_based_intelligent: both."`
	TimeoutMinutes int      `json:"timeout_minutes,omitempty" jsonschema:"minimum=1,maximum=1440" jsonschema_description:"time grouping: the window in minutes, 1 to 1440 (default 5)."`
	WindowMinutes  int      `json:"window_minutes,omitempty" jsonschema:"minimum=5,maximum=1440" jsonschema_description:"intelligent and content-based grouping: the most minutes between grouped alerts, 5 to 60 (up to 1440 for content_based); default PagerDuty's recommended window."`
	Fields         []string `json:"fields,omitempty" jsonschema:"maxItems=10,uniqueItems=true" jsonschema_description:"content-based grouping: the alert fields compared, such as summary, source, component, class, group, or custom_details.<name>."`
	Aggregate      string   `json:"aggregate,omitempty" jsonschema:"enum=all,enum=any" jsonschema_description:"content-based grouping: all (default) when every field must match, any when one is enough."`
}

// AlertGrouping is how a service now groups its alerts.
type AlertGrouping struct {
	// SettingID is the alert grouping setting that holds the configuration.
	SettingID string `json:"setting_id"`
	Name      string `json:"name,omitempty"`
	Type      string `json:"type"`
	// TimeoutMinutes and WindowMinutes are the windows of time and of
	// intelligent or content-based grouping.
	TimeoutMinutes int      `json:"timeout_minutes,omitempty"`
	WindowMinutes  int      `json:"window_minutes,omitempty"`
	Fields         []string `json:"fields,omitempty"`
	Aggregate      string   `json:"aggregate,omitempty"`
	// Services are every service the setting applies to.
	Services []Ref `json:"services"`
	// Created is true when the setting is new, false when an existing one
	// changed.
	Created bool `json:"created"`
}

func (g *AlertGrouping) text() string {
	var b strings.Builder
	verb := "Changed"
	if g.Created {
		verb = "Created"
	}
	fmt.Fprintf(&b, "%s alert grouping setting %s: %s grouping", verb, g.SettingID, g.Type)
	if g.TimeoutMinutes > 0 {
		fmt.Fprintf(&b, ", window %d min", g.TimeoutMinutes)
	}
	if g.WindowMinutes > 0 {
		fmt.Fprintf(&b, ", up to %d min between alerts", g.WindowMinutes)
	}
	if len(g.Fields) > 0 {
		fmt.Fprintf(&b, ", %s of fields %s match", firstNonEmpty(g.Aggregate, "all"), strings.Join(g.Fields, ", "))
	}
	b.WriteString("\nApplies to " + joinRefs(g.Services))
	return b.String()
}

var configureAlertGrouping = &tool[alertGroupingIn, *AlertGrouping]{
	spec: spec{
		name:        "configure_alert_grouping",
		title:       "Configure alert grouping",
		toolset:     ToolsetServices,
		write:       true,
		destructive: true,
		idempotent:  true,
		description: `Sets how a service groups alerts into incidents (fewer pages for one problem): by time window, intelligently (PagerDuty learns from responders), by matching content, or content and intelligence together.
It replaces the service's alert grouping setting, or creates one. A setting shared with other services changes for all of them: the answer lists every service it applies to. Intelligent grouping needs a plan with AIOps; PagerDuty refuses it otherwise.`,
		notFound: "list_services",
	},
	handler: func(ctx context.Context, c *call, in alertGroupingIn) (*AlertGrouping, error) {
		typ := pagerduty.AlertGroupingType(in.Type)
		cfg := &pagerduty.AlertGroupingSettingConfig{}
		content := typ == pagerduty.AlertGroupingContentBased || typ == pagerduty.AlertGroupingContentBasedIntelligent
		switch {
		case typ == pagerduty.AlertGroupingTime:
			if in.WindowMinutes > 0 || len(in.Fields) > 0 || in.Aggregate != "" {
				return nil, argError("timeout_minutes", "time grouping takes timeout_minutes only (window_minutes, fields and aggregate are for the other types)")
			}
			sec := 5 * 60
			if in.TimeoutMinutes > 0 {
				sec = in.TimeoutMinutes * 60
			}
			cfg.Timeout = &sec
		case in.TimeoutMinutes > 0:
			return nil, argError("timeout_minutes", "it is for time grouping: use window_minutes with %s grouping", typ)
		case !content && (len(in.Fields) > 0 || in.Aggregate != ""):
			return nil, argError("fields", "intelligent grouping compares no fields: use type content_based_intelligent to match fields too")
		case content && len(in.Fields) == 0:
			return nil, argError("fields", "content-based grouping compares alert fields: give fields, such as summary or source")
		}
		if in.WindowMinutes > 0 {
			most := 60
			if typ == pagerduty.AlertGroupingContentBased {
				most = 1440
			}
			if in.WindowMinutes > most {
				return nil, argError("window_minutes", "%d is too long for %s grouping: use 5 to %d", in.WindowMinutes, typ, most)
			}
			sec := in.WindowMinutes * 60
			cfg.TimeWindow = &sec
		}
		if content {
			cfg.Fields = in.Fields
			cfg.Aggregate = firstNonEmpty(in.Aggregate, "all")
		}
		sid, err := resolveService(ctx, c, "service", in.Service)
		if err != nil {
			return nil, err
		}
		ags := c.client.AlertGroupingSettings
		page, err := ags.ListPage(ctx, &pagerduty.ListAlertGroupingSettingsOptions{ServiceIDs: []string{sid}})
		if err != nil {
			return nil, err
		}
		p := &pagerduty.AlertGroupingSettingParams{Type: typ, Config: cfg, ServiceIDs: []string{sid}}
		var s *pagerduty.AlertGroupingSetting
		created := true
		if existing := settingOf(page.Items, sid); existing != nil {
			created = false
			p.Name = existing.Name
			p.ServiceIDs = p.ServiceIDs[:0]
			for _, svc := range existing.Services {
				p.ServiceIDs = append(p.ServiceIDs, svc.ID)
			}
			s, err = ags.Update(ctx, existing.ID, p)
		} else {
			p.Name = fmt.Sprintf("%s grouping for %s", in.Type, strings.TrimSpace(in.Service))
			s, err = ags.Create(ctx, p)
		}
		if err != nil {
			return nil, err
		}
		return trimGrouping(s, created), nil
	},
}

// settingOf returns the setting among items that applies to the service.
func settingOf(items []pagerduty.AlertGroupingSetting, service string) *pagerduty.AlertGroupingSetting {
	for i := range items {
		for _, s := range items[i].Services {
			if s.ID == service {
				return &items[i]
			}
		}
	}
	return nil
}

func trimGrouping(s *pagerduty.AlertGroupingSetting, created bool) *AlertGrouping {
	out := &AlertGrouping{SettingID: s.ID, Name: s.Name, Type: string(s.Type), Services: []Ref{}, Created: created}
	if c := s.Config; c != nil {
		if c.Timeout != nil {
			out.TimeoutMinutes = *c.Timeout / 60
		}
		if c.TimeWindow != nil {
			out.WindowMinutes = *c.TimeWindow / 60
		}
		out.Fields, out.Aggregate = c.Fields, c.Aggregate
	}
	for _, svc := range s.Services {
		out.Services = append(out.Services, *refOf(svc.ID, svc.Name, svc.Summary))
	}
	return out
}
