/**
 * Imported first by this library's index, so before Nest, Express, the MongoDB driver or kafkajs
 * is loaded by anyone: instrumentation patches modules as they are required, and a service's
 * main.ts imports this library before anything else it runs. Off (nothing loaded, nothing
 * patched) unless OTEL_EXPORTER_OTLP_ENDPOINT is set; `runService` then starts the exporter.
 */
import { instrumentForTracing } from '@mukti/observability';

instrumentForTracing();
