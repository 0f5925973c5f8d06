package pagerduty

import (
	"context"
	"errors"
)

// AbilitiesService reads the account's abilities: the features its plan
// includes, such as "teams" or "urgencies".
type AbilitiesService service

type abilitiesAnswer struct {
	Abilities []string `json:"abilities"`
}

// List returns the names of the account's abilities.
//
// Any valid credential may call it (OAuth scope abilities.read).
func (s *AbilitiesService) List(ctx context.Context) ([]string, error) {
	var out abilitiesAnswer
	if err := s.client.do(ctx, &request{method: "GET", path: "/abilities"}, &out); err != nil {
		return nil, err
	}
	return out.Abilities, nil
}

// Has reports whether the account has the ability name. A 402 or 404 answer
// (the account lacks it) is false with no error.
//
// OAuth scope abilities.read.
func (s *AbilitiesService) Has(ctx context.Context, name string) (bool, error) {
	path, err := expandPath("/abilities/{id}", name)
	if err != nil {
		return false, err
	}
	err = s.client.do(ctx, &request{method: "GET", path: path}, nil)
	if err == nil {
		return true, nil
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) && (apiErr.StatusCode == 402 || apiErr.StatusCode == 404) {
		return false, nil
	}
	return false, err
}
