package pagerduty_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// templatesDemoServer stands in for PagerDuty: it renders a template by
// filling {{incident.title}} and {{status_update.message}}.
func templatesDemoServer() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			IncidentID   string `json:"incident_id"`
			StatusUpdate struct {
				Message string `json:"message"`
			} `json:"status_update"`
		}
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || r.URL.Path != "/templates/PT4KHLK/render" {
			http.Error(w, `{"error":{"message":"bad request"}}`, http.StatusBadRequest)
			return
		}
		msg := strings.NewReplacer("{{incident.title}}", "Checkout is slow", "{{status_update.message}}", in.StatusUpdate.Message).
			Replace("[{{incident.title}}] {{status_update.message}}")
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"templated_fields": map[string]string{"message": msg},
			"warnings":         map[string][]string{"email_body": {"{{incident.owner}} is not a field"}},
		})
	}))
}

// Render fills a status update template for an incident without sending
// anything, so a message can be previewed (and its warnings read) first.
func ExampleTemplatesService_Render() {
	srv := templatesDemoServer()
	defer srv.Close()
	c, err := pagerduty.NewClient(pagerduty.WithToken("demo-token"), pagerduty.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	out, err := c.Templates.Render(context.Background(), "PT4KHLK", pagerduty.RenderTemplateParams{
		IncidentID: "Q1R2S3T4",
		Message:    "A fix is rolling out.",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(out.TemplatedFields.Message)
	for _, w := range out.Warnings.EmailBody {
		fmt.Println("email body:", w)
	}
	// Output:
	// [Checkout is slow] A fix is rolling out.
	// email body: {{incident.owner}} is not a field
}
