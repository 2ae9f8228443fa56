module example.com/inventory

go 1.22

require (
	github.com/segmentio/kafka-go v0.4.47
	github.com/gin-gonic/gin v1.10.0
)
