package pagerduty

import (
	"context"
	"time"
)

// ServiceNowCredentials are what PagerDuty signs in to a ServiceNow instance
// with. The API does not return the password in clear.
type ServiceNowCredentials struct {
	ID string `json:"id"`
	// InstanceEndpoint is the instance's URL, such as
	// https://example.service-now.com.
	InstanceEndpoint string    `json:"instance_endpoint"`
	User             string    `json:"user"`
	Password         string    `json:"password,omitempty"`
	CreatedAt        time.Time `json:"created_at,omitzero"`
	UpdatedAt        time.Time `json:"updated_at,omitzero"`
	DeletedAt        time.Time `json:"deleted_at,omitzero"`
}

// String describes the credentials without their password, so that they
// can be logged.
func (c ServiceNowCredentials) String() string {
	return "ServiceNowCredentials{ID:" + c.ID + " InstanceEndpoint:" + c.InstanceEndpoint + " User:" + c.User + "}"
}

// ServiceNowCredentialsParams sets the credentials of a ServiceNow instance.
// Create needs every field; Update sends only the fields set.
type ServiceNowCredentialsParams struct {
	InstanceEndpoint string `json:"instance_endpoint,omitempty"`
	User             string `json:"user,omitempty"`
	Password         string `json:"password,omitempty"`
}

// String describes the params without the password.
func (p ServiceNowCredentialsParams) String() string {
	return "ServiceNowCredentialsParams{InstanceEndpoint:" + p.InstanceEndpoint + " User:" + p.User + "}"
}

// CreateServiceNowCredentials stores the credentials of a ServiceNow
// instance and returns them (with their ID) as stored.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) CreateServiceNowCredentials(ctx context.Context, p ServiceNowCredentialsParams) (*ServiceNowCredentials, error) {
	if p.InstanceEndpoint == "" {
		return nil, required("InstanceEndpoint", "the ServiceNow instance's URL")
	}
	if p.User == "" || p.Password == "" {
		return nil, required("User and Password", "the ServiceNow account PagerDuty signs in with")
	}
	r := &request{method: "POST", path: "/enrichment/integrations/servicenow/credentials", body: map[string]any{"credentials": p}}
	return objectCall[ServiceNowCredentials](ctx, s.client, r, "credentials")
}

// GetServiceNowCredentials returns the ServiceNow credentials with the given
// ID.
//
// OAuth scope contextual_data.read.
func (s *EnrichmentService) GetServiceNowCredentials(ctx context.Context, id string) (*ServiceNowCredentials, error) {
	path, err := expandPath("/enrichment/integrations/servicenow/credentials/{credentials_id}", id)
	if err != nil {
		return nil, err
	}
	return objectCall[ServiceNowCredentials](ctx, s.client, &request{method: "GET", path: path}, "credentials")
}

// UpdateServiceNowCredentials changes the fields set in p of the ServiceNow
// credentials with the given ID.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) UpdateServiceNowCredentials(ctx context.Context, id string, p ServiceNowCredentialsParams) (*ServiceNowCredentials, error) {
	path, err := expandPath("/enrichment/integrations/servicenow/credentials/{credentials_id}", id)
	if err != nil {
		return nil, err
	}
	if p == (ServiceNowCredentialsParams{}) {
		return nil, required("a field to change", "set InstanceEndpoint, User or Password")
	}
	return objectCall[ServiceNowCredentials](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"credentials": p}}, "credentials")
}

// DeleteServiceNowCredentials deletes the ServiceNow credentials with the
// given ID.
//
// OAuth scope contextual_data.write.
func (s *EnrichmentService) DeleteServiceNowCredentials(ctx context.Context, id string) error {
	path, err := expandPath("/enrichment/integrations/servicenow/credentials/{credentials_id}", id)
	if err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path}, nil)
}
