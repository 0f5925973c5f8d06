package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// AlertGroupingContentBasedIntelligent groups alerts whose chosen fields
// match, and among those the ones responders grouped before (alert grouping
// settings only).
const AlertGroupingContentBasedIntelligent AlertGroupingType = "content_based_intelligent"

// AlertGroupingSetting is a way of grouping alerts into incidents that one
// or more services share, managed apart from the services themselves.
type AlertGroupingSetting struct {
	ID          string `json:"id,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Type is the kind of grouping; Config holds its settings.
	Type   AlertGroupingType           `json:"type,omitempty"`
	Config *AlertGroupingSettingConfig `json:"config,omitempty"`
	// Services are the services that group their alerts this way (their ID
	// and, when the API gives it, their name).
	Services  []Service `json:"services,omitempty"`
	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// AlertGroupingSettingConfig configures an alert grouping setting: the
// fields of a service's grouping configuration, and IAGFields.
//
// Each Type reads its own fields: time reads Timeout (in seconds here, 60 to
// 86400); intelligent reads TimeWindow (300 to 3600 seconds) and IAGFields;
// content_based reads Aggregate, Fields and TimeWindow (300 to 86400);
// content_based_intelligent reads Aggregate, Fields and TimeWindow (300 to
// 3600). A nil or zero TimeWindow uses the recommended window.
type AlertGroupingSettingConfig struct {
	AlertGroupingConfig
	// IAGFields (intelligent grouping) are the alert fields compared; the
	// API's default is the summary.
	IAGFields []string `json:"iag_fields,omitempty"`
}

// ListAlertGroupingSettingsOptions filters and pages a listing of alert
// grouping settings. The zero value lists them all.
type ListAlertGroupingSettingsOptions struct {
	// Limit is the page size, 1 to 100; zero means the API's default.
	Limit int `url:"limit"`
	// After continues a listing after a page (its NextCursor); Before goes
	// back from a page (its Before). Set at most one.
	After  string `url:"after"`
	Before string `url:"before"`
	// Total asks ListPage for the number of settings (Page.Total).
	Total bool `url:"total"`
	// ServiceIDs keeps the settings used by these services.
	ServiceIDs []string `url:"service_ids[]"`
}

func (o *ListAlertGroupingSettingsOptions) query() (url.Values, error) {
	q := url.Values{}
	if o == nil {
		return q, nil
	}
	if o.Limit < 0 || o.Limit > MaxPageSize {
		return nil, fmt.Errorf("pagerduty: Limit %d is out of range: a page holds 1 to %d items (0 for the default)", o.Limit, MaxPageSize)
	}
	if o.After != "" && o.Before != "" {
		return nil, fmt.Errorf("pagerduty: After and Before are both set: a listing goes one way, set one of them")
	}
	if err := checkIDs("ServiceIDs", o.ServiceIDs); err != nil {
		return nil, err
	}
	encodeQuery(q, o)
	return q, nil
}

// AlertGroupingSettingsPage is one page of alert grouping settings.
// Page.NextCursor continues the listing (ListAlertGroupingSettingsOptions.After).
type AlertGroupingSettingsPage struct {
	Page[AlertGroupingSetting]
	// Before goes back to the settings before this page
	// (ListAlertGroupingSettingsOptions.Before); empty on the first page.
	Before string
}

func (s *AlertGroupingSettingsService) page(ctx context.Context, q url.Values) (*AlertGroupingSettingsPage, error) {
	var out struct {
		Settings []AlertGroupingSetting `json:"alert_grouping_settings"`
		After    *string                `json:"after"`
		Before   *string                `json:"before"`
		Limit    *int                   `json:"limit"`
		Total    *int                   `json:"total"`
	}
	r := &request{method: "GET", path: "/alert_grouping_settings", query: q}
	if err := s.client.do(ctx, r, &out); err != nil {
		return nil, err
	}
	if out.Settings == nil {
		return nil, orchMissing(r, "alert_grouping_settings")
	}
	p := &AlertGroupingSettingsPage{Page: Page[AlertGroupingSetting]{Items: out.Settings, Total: out.Total}}
	if out.Limit != nil {
		p.Limit = *out.Limit
	}
	if out.After != nil {
		p.NextCursor = *out.After
		p.More = p.NextCursor != ""
	}
	if out.Before != nil {
		p.Before = *out.Before
	}
	return p, nil
}

// List streams the account's alert grouping settings, fetching pages as the
// loop asks for them.
//
// OAuth scope services.read.
func (s *AlertGroupingSettingsService) List(ctx context.Context, opts *ListAlertGroupingSettingsOptions) iter.Seq2[AlertGroupingSetting, error] {
	q, err := opts.query()
	if err != nil {
		return errSeq[AlertGroupingSetting](err)
	}
	q.Del("total")
	return func(yield func(AlertGroupingSetting, error) bool) {
		seen := map[string]bool{}
		for {
			p, err := s.page(ctx, q)
			if err != nil {
				yield(AlertGroupingSetting{}, err)
				return
			}
			for _, it := range p.Items {
				if !yield(it, nil) {
					return
				}
			}
			if p.NextCursor == "" || len(p.Items) == 0 || seen[p.NextCursor] {
				return
			}
			seen[p.NextCursor] = true
			q.Del("before")
			q.Set("after", p.NextCursor)
		}
	}
}

// ListPage returns one page of the account's alert grouping settings, with
// the cursors that lead to the next and previous pages.
//
// OAuth scope services.read.
func (s *AlertGroupingSettingsService) ListPage(ctx context.Context, opts *ListAlertGroupingSettingsOptions) (*AlertGroupingSettingsPage, error) {
	q, err := opts.query()
	if err != nil {
		return nil, err
	}
	return s.page(ctx, q)
}

// AlertGroupingSettingParams describes an alert grouping setting to create,
// or its new definition: both Create and Update need Type and ServiceIDs.
type AlertGroupingSettingParams struct {
	Name string
	// Description is free text; a pointer to "" clears it.
	Description *string
	Type        AlertGroupingType
	Config      *AlertGroupingSettingConfig
	// ServiceIDs are the services that group their alerts this way.
	ServiceIDs []string
}

type alertGroupingSettingWire struct {
	Name        string                      `json:"name,omitempty"`
	Description *string                     `json:"description,omitempty"`
	Type        AlertGroupingType           `json:"type"`
	Config      *AlertGroupingSettingConfig `json:"config,omitempty"`
	Services    []Reference                 `json:"services"`
}

func agsRange(field string, v *int, lo, hi int) error {
	if v == nil || *v == 0 {
		return nil
	}
	if *v < lo || *v > hi {
		return fmt.Errorf("pagerduty: %s is %d: accepted values are %d to %d (0 for the default)", field, *v, lo, hi)
	}
	return nil
}

func (p *AlertGroupingSettingParams) wire() (map[string]any, error) {
	if p == nil {
		return nil, required("the alert grouping setting params", "pass an *AlertGroupingSettingParams")
	}
	if p.Type == "" {
		return nil, required("Type", "time, intelligent, content_based or content_based_intelligent")
	}
	if err := oneOf("Type", []AlertGroupingType{p.Type}, AlertGroupingTime, AlertGroupingIntelligent,
		AlertGroupingContentBased, AlertGroupingContentBasedIntelligent); err != nil {
		return nil, err
	}
	if len(p.ServiceIDs) == 0 {
		return nil, required("ServiceIDs", "the IDs of the services that group their alerts this way")
	}
	if err := checkIDs("ServiceIDs", p.ServiceIDs); err != nil {
		return nil, err
	}
	if c := p.Config; c != nil {
		var err error
		switch p.Type {
		case AlertGroupingTime:
			err = agsRange("Config.Timeout", c.Timeout, 60, 86400)
		case AlertGroupingIntelligent, AlertGroupingContentBasedIntelligent:
			err = agsRange("Config.TimeWindow", c.TimeWindow, 300, 3600)
		case AlertGroupingContentBased:
			err = agsRange("Config.TimeWindow", c.TimeWindow, 300, 86400)
		}
		if err != nil {
			return nil, err
		}
		if err := oneOfIfSet("Config.Aggregate", c.Aggregate, "all", "any"); err != nil {
			return nil, err
		}
	}
	if p.Type == AlertGroupingContentBased || p.Type == AlertGroupingContentBasedIntelligent {
		if p.Config == nil || len(p.Config.Fields) == 0 || p.Config.Aggregate == "" {
			return nil, required("Config.Fields and Config.Aggregate", "the alert fields compared, and \"all\" or \"any\"")
		}
	}
	w := alertGroupingSettingWire{Name: p.Name, Description: p.Description, Type: p.Type, Config: p.Config}
	if p.Config != nil {
		c := *p.Config
		c.RecommendedTimeWindow = nil // read only
		w.Config = &c
	}
	w.Services = make([]Reference, len(p.ServiceIDs))
	for i, id := range p.ServiceIDs {
		w.Services[i] = Reference{ID: id, Type: "service_reference"}
	}
	return map[string]any{"alert_grouping_setting": w}, nil
}

// Create adds an alert grouping setting and applies it to its services;
// it returns the setting.
//
// OAuth scope services.write.
func (s *AlertGroupingSettingsService) Create(ctx context.Context, p *AlertGroupingSettingParams) (*AlertGroupingSetting, error) {
	return sendAt[AlertGroupingSetting](ctx, s.client, "POST", "/alert_grouping_settings", "alert_grouping_setting", p.wire)
}

// Get returns the alert grouping setting id.
//
// OAuth scope services.read.
func (s *AlertGroupingSettingsService) Get(ctx context.Context, id string) (*AlertGroupingSetting, error) {
	return getAt[AlertGroupingSetting](ctx, s.client, "/alert_grouping_settings/{id}", "alert_grouping_setting", id)
}

// Update replaces the alert grouping setting id with p and returns it as it
// is now.
//
// OAuth scope services.write.
func (s *AlertGroupingSettingsService) Update(ctx context.Context, id string, p *AlertGroupingSettingParams) (*AlertGroupingSetting, error) {
	return sendAt[AlertGroupingSetting](ctx, s.client, "PUT", "/alert_grouping_settings/{id}", "alert_grouping_setting", p.wire, id)
}

// Delete removes the alert grouping setting id; its services stop grouping
// their alerts.
//
// OAuth scope services.write.
func (s *AlertGroupingSettingsService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/alert_grouping_settings/{id}", id)
}
