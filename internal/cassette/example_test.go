package cassette_test

import (
	"fmt"

	"github.com/pdkit/pdkit/internal/cassette"
)

// Scan reports where a recording holds something that looks like a
// credential, without repeating the credential.
func ExampleScan() {
	recording := []byte(`request:
    headers:
        Authorization:
            - Token token=u+AbCdEfGhIjKlMnOpQr
    url: https://api.pagerduty.com/oauth/token?client_secret=REDACTED
`)
	for _, f := range cassette.Scan(recording) {
		fmt.Println(f)
	}
	// Output:
	// line 4: a credential header value other than REDACTED
}
