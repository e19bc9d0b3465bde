// The AWS Lambda page's HTTP handler and the serverless page's SQS consumer, called
// with recorded events as the Lambda runtime would call them.
import { PYTHON, expectThat } from '../Scenario.js';
/** @import { Scenario } from '../Scenario.js' */

export const about = 'Lambda handlers called by Debian 12 Python 3.11 with recorded events';

const HTTP_EVENT = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/',
  rawQueryString: 'name=Ada',
  queryStringParameters: { name: 'Ada' },
  headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com' },
  requestContext: {
    http: { method: 'GET', path: '/', sourceIp: '203.0.113.7' },
    requestId: 'req-1'
  },
  isBase64Encoded: false
};
const SQS_EVENT = {
  Records: [
    { messageId: 'm-1', body: '{"id": 1}', eventSource: 'aws:sqs' },
    { messageId: 'm-2', body: '{"total": 3}', eventSource: 'aws:sqs' },
    { messageId: 'm-3', body: 'not json', eventSource: 'aws:sqs' },
    { messageId: 'm-4', body: '{"id": 4}', eventSource: 'aws:sqs' }
  ]
};
const CALL = (module, fn, event) => `
import json, types
from ${module} import ${fn}
context = types.SimpleNamespace(aws_request_id="c0ffee", function_name="example", memory_limit_in_mb=128)
print(json.dumps(${fn}(json.loads(${JSON.stringify(JSON.stringify(event))}), context)))
`;

/** @param {Scenario} s */
export async function run(s) {
  const http = s.block('handler.py');
  const sqs = s.block('consumer.py');
  s.write('fn/handler.py', s.substitute(http, []));
  s.write('fn/consumer.py', s.substitute(sqs, []));
  const cwd = `${s.dir}/fn`;
  await s.check('the HTTP handler answers an API Gateway event with JSON', [http], async () => {
    const r = await s.exec(PYTHON, ['-c', CALL('handler', 'lambda_handler', HTTP_EVENT)], {
      cwd,
      env: { GREETING: 'Hi' }
    });
    expectThat(r.code === 0, `exit ${r.code}: ${r.out}`);
    const res = JSON.parse(r.out);
    expectThat(res.statusCode === 200 && typeof res.body === 'string', `response ${r.out}`);
    const body = JSON.parse(res.body);
    expectThat(body.message === 'Hi, Ada!' && body.request_id === 'c0ffee', `body ${res.body}`);
  });
  await s.check('the SQS consumer reports only the failed messages', [sqs], async () => {
    const r = await s.exec(PYTHON, ['-c', CALL('consumer', 'handler', SQS_EVENT)], { cwd });
    expectThat(r.code === 0, `exit ${r.code}: ${r.out}`);
    expectThat(
      JSON.stringify(JSON.parse(r.out)) ===
        JSON.stringify({
          batchItemFailures: [{ itemIdentifier: 'm-2' }, { itemIdentifier: 'm-3' }]
        }),
      `response ${r.out}`
    );
  });
  s.how.push(
    'handlers: imported and called with recorded events and a stand-in context (no Lambda runtime in CI)'
  );
}
