// Package api is the hand-written layer of attio-go: construct a [Client]
// with an API key or an OAuth 2.0 token source, then call any Attio REST
// operation on it.
//
//	client, err := api.NewClient(api.WithAPIKey(os.Getenv("ATTIO_API_KEY")))
//	...
//	obj, err := api.Result(client.GetObjectWithResponse(ctx, "people"))
//	if api.IsNotFound(err) { ... }
//	fmt.Println(obj.Data.ID.ObjectID)
//
// [Client] embeds the generated
// [github.com/attio-community/attio-go/gen.ClientWithResponses], so every
// operation in Attio's OpenAPI document is a method with typed parameters
// and responses, including operations a newer document adds. Everything the
// generated code does not do lives in the HTTP transport that [NewClient]
// installs beneath it, and so applies to every operation alike:
//
//   - authentication: "Authorization: Bearer <token>" from an API key or a
//     [golang.org/x/oauth2.TokenSource], with [OAuth2Config] for Attio's
//     authorization-code flow;
//   - errors: every non-2xx response and transport failure comes back from
//     the operation call itself as an [*Error], with predicates such as
//     [IsNotFound] and [IsRateLimited]; a success whose body does not
//     decode comes back as a [*gen.BodyError] (status, body and cause),
//     which [Result] and the iterators turn into an *Error;
//   - retries: a 429 waits for its Retry-After; a 5xx or a broken connection
//     is retried with capped, jittered exponential backoff when repeating
//     the request is safe; every wait ends when the context does (see
//     [RetryPolicy]);
//   - logging through [log/slog] ([WithLogger]), never including
//     credentials.
//
// [Result] turns a generated response into its decoded, typed body (Attio's
// {"data": ...} envelope). [Offset] and [Cursor] turn Attio's two pagination
// styles into Go iterators, and Client has one iterator method per
// paginated operation, such as [Client.Records] and [Client.Meetings].
//
// Redirects are not followed: Attio's only redirect is the 302 from
// GET /v2/files/{file_id}/download to a signed URL. DownloadFileWithResponse
// returns that response without error; read the URL from
// resp.HTTPResponse.Header.Get("Location") and fetch it without the Attio
// credentials.
//
// [VerifyWebhook], [ParseWebhook] and [WebhookHandler] receive Attio's
// webhook deliveries and check their signatures.
package api
