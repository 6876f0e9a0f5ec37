module example.com/app

go 1.22

require google.golang.org/genai v1.3.0
require (
	github.com/volcengine/volcengine-go-sdk v1.0.1 // indirect
)
