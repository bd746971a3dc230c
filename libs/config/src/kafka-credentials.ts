/**
 * The public development password of a Kafka principal: what the local broker (tools/infra) is
 * formatted with, and what a service's KAFKA_SASL_PASSWORD falls back to under
 * MUKTI_DEVELOPMENT_DEFAULTS=true. Never valid on a deployed cluster, whose users are created
 * with real passwords.
 */
export function developmentKafkaPassword(principal: string): string {
  return `mukti-development-kafka-${principal}`;
}
