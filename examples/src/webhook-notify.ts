// Fire-and-forget webhook: the POST is awaited but its answer is dropped unread.
// expect: drain/no-unconsumed-body at 13:9

export interface DeployEvent {
  service: string;
  version: string;
  ok: boolean;
}

export async function notifyDeploy(webhookUrl: string, event: DeployEvent): Promise<void> {
  const text = `${event.ok ? 'Deployed' : 'Failed to deploy'} ${event.service}@${event.version}`;
  // Slack-style webhooks answer with a short body ("ok") that still has to be read.
  await fetch(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
}
