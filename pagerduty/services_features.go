package pagerduty

import (
	"context"
	"iter"
	"time"
)

// Feature names a feature that can be turned on or off per service.
type Feature string

// FeatureAIOps is PagerDuty AIOps (noise reduction, grouping); the one
// feature the enablements API manages today.
const FeatureAIOps Feature = "aiops"

// FeatureEnablement says whether a feature is on for a service.
type FeatureEnablement struct {
	Feature   Feature   `json:"feature,omitempty"`
	Enabled   bool      `json:"enabled"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// Warnings explain why the setting may not take effect (the account's
	// plan lacks the feature, for example).
	Warnings []FeatureEnablementWarning `json:"warnings,omitempty"`
}

// FeatureEnablementWarning is a caveat the API attaches to a feature
// setting.
type FeatureEnablementWarning struct {
	Message string `json:"message"`
}

// ListFeatureEnablements returns the feature settings of the service
// serviceID.
//
// OAuth scope services.read.
func (s *ServicesService) ListFeatureEnablements(ctx context.Context, serviceID string) ([]FeatureEnablement, error) {
	path, err := expandPath("/services/{id}/enablements", serviceID)
	if err != nil {
		return nil, err
	}
	var out struct {
		Enablements []FeatureEnablement `json:"enablements"`
	}
	if err := s.client.do(ctx, &request{method: "GET", path: path}, &out); err != nil {
		return nil, err
	}
	return out.Enablements, nil
}

// SetFeatureEnablement turns feature on or off for the service serviceID and
// returns the setting, with any warnings.
//
// OAuth scope services.write.
func (s *ServicesService) SetFeatureEnablement(ctx context.Context, serviceID string, feature Feature, enabled bool) (*FeatureEnablement, error) {
	if err := oneOf("feature", []Feature{feature}, FeatureAIOps); err != nil {
		return nil, err
	}
	path, err := expandPath("/services/{id}/enablements/{feature_name}", serviceID, string(feature))
	if err != nil {
		return nil, err
	}
	r := &request{method: "PUT", path: path, body: map[string]any{"enablement": map[string]bool{"enabled": enabled}}}
	// The setting comes as an object, or as a list (as the API
	// description's examples show): from a list, the feature's is taken.
	return objectOrMatchingCall(ctx, s.client, r, "enablement", func(e *FeatureEnablement) bool {
		return e.Feature == feature || e.Feature == ""
	})
}

// GetFieldValues returns the values of the custom fields of the service
// serviceID.
//
// OAuth scope services.read.
func (s *ServicesService) GetFieldValues(ctx context.Context, serviceID string) ([]FieldValue, error) {
	path, err := expandPath("/services/{id}/custom_fields/values", serviceID)
	if err != nil {
		return nil, err
	}
	return fieldValuesCall(ctx, s.client, &request{method: "GET", path: path})
}

// SetFieldValues sets custom fields of the service serviceID, each named by
// ID or by Name; the fields not named keep their values. It returns the
// values of the fields set.
//
// OAuth scope services.write.
func (s *ServicesService) SetFieldValues(ctx context.Context, serviceID string, values []FieldValueChange) ([]FieldValue, error) {
	path, err := expandPath("/services/{id}/custom_fields/values", serviceID)
	if err != nil {
		return nil, err
	}
	if len(values) == 0 {
		return nil, required("values", "at least one custom field to set")
	}
	if err := checkFieldValueChanges("values", values); err != nil {
		return nil, err
	}
	return fieldValuesCall(ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"custom_fields": values}})
}

// ListAuditRecords streams the audit trail of the service serviceID, newest
// first, following the cursor from page to page.
//
// OAuth scope audit_records.read.
func (s *ServicesService) ListAuditRecords(ctx context.Context, serviceID string, opts *ListAuditRecordsOptions) iter.Seq2[AuditRecord, error] {
	return auditRecords(ctx, s.client, "/services/{id}/audit/records", serviceID, opts)
}

// ListAuditRecordsPage returns one page of the audit trail of the service
// serviceID; pass its NextCursor as opts.Cursor to read the next.
//
// OAuth scope audit_records.read.
func (s *ServicesService) ListAuditRecordsPage(ctx context.Context, serviceID string, opts *ListAuditRecordsOptions) (*Page[AuditRecord], error) {
	return auditRecordsPage(ctx, s.client, "/services/{id}/audit/records", serviceID, opts)
}
