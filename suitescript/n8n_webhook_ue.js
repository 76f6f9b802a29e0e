/**
 * n8n-nodes-suitetalk: pushes each record change to an n8n NetSuite Webhook Trigger.
 *
 * Install it as described in the package README ("Instant trigger"). It runs after every
 * save of the record types it is deployed to, posts one small signed JSON event and returns.
 * It never throws: a failed post is logged (Execution Log of the deployment) and the user's
 * save goes on; the trigger's catch-up reads what was missed.
 *
 * Script parameters (on the script record, Parameters subtab):
 *   custscript_n8n_webhook_url     the trigger's Production URL (Free-Form Text)
 *   custscript_n8n_webhook_secret  the script ID of an API Secret (Setup > Company > API
 *                                  Secrets), e.g. custsecret_n8n_webhook (Free-Form Text). The
 *                                  secret itself never appears here: N/crypto resolves it.
 *   custscript_n8n_webhook_path    optional, only when the URL above has no /webhook/ or
 *                                  /webhook-test/ segment (a proxy that rewrites n8n's paths, or
 *                                  a custom N8N_ENDPOINT_WEBHOOK): the trigger's own path, the
 *                                  part of its Production URL after /webhook/ (Free-Form Text).
 *
 * Each post is signed for its destination: X-SuiteTalk-Signature is "v2=" + the hex HMAC-SHA256
 * of "<unix seconds>\n<webhook path>\n<body>", where the webhook path is the part of the URL
 * after n8n's /webhook/ (or /webhook-test/) endpoint, e.g. "<webhook id>/netsuite". The trigger
 * recomputes it from its own path, so a post signed for one workflow's trigger does not start
 * another's even when both use the same secret. The endpoint and whatever a reverse proxy puts
 * before it are left out: they differ between the test and production URLs and between the two
 * sides of a proxy, while the path after them is what n8n routes by and is the same everywhere.
 *
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
define(['N/https', 'N/runtime', 'N/log', 'N/crypto', 'N/encode'], (https, runtime, log, crypto, encode) => {
	const URL_PARAMETER = 'custscript_n8n_webhook_url';
	const SECRET_PARAMETER = 'custscript_n8n_webhook_secret';
	const PATH_PARAMETER = 'custscript_n8n_webhook_path';
	/** n8n's default endpoints for production and test webhooks. */
	const N8N_ENDPOINTS = ['webhook', 'webhook-test'];

	/** NetSuite's created-date field differs by record family (entities vs transactions and items). */
	const CREATED_FIELDS = ['datecreated', 'createddate'];

	const isoOrNull = (value) => (value instanceof Date ? value.toISOString() : null);

	function readDate(rec, fieldIds) {
		for (const fieldId of fieldIds) {
			try {
				const value = isoOrNull(rec.getValue({ fieldId }));
				if (value) return value;
			} catch (e) {
				// A field the record type does not have: try the next name.
			}
		}
		return null;
	}

	function eventOf(context) {
		const rec = context.newRecord || context.oldRecord;
		return {
			event: String(context.type),
			recordType: String(rec.type),
			id: String(rec.id),
			lastModified: readDate(rec, ['lastmodifieddate', 'lastmodified']),
			created: readDate(rec, CREATED_FIELDS),
			executionContext: String(runtime.executionContext),
			userId: String(runtime.getCurrentUser().id),
			account: String(runtime.accountId),
			sentAt: new Date().toISOString(),
		};
	}

	const trimSlashes = (path) => path.replace(/^\/+|\/+$/g, '');

	/**
	 * The trigger's own webhook path: the explicit parameter, else what follows the first
	 * /webhook/ or /webhook-test/ segment of the URL (query and fragment dropped). Null when
	 * neither gives a usable path (no such segment, nothing after it, or a character a URL path
	 * cannot hold, which would make the signed text ambiguous).
	 */
	function destinationOf(url, explicitPath) {
		let path;
		if (explicitPath) path = trimSlashes(String(explicitPath).trim());
		else {
			const urlPath = String(url)
				.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
				.split(/[?#]/)[0];
			const segments = urlPath.split('/');
			const at = segments.findIndex((segment) => N8N_ENDPOINTS.includes(segment));
			path = at < 0 ? '' : trimSlashes(segments.slice(at + 1).join('/'));
		}
		return path && !/\s/.test(path) ? path : null;
	}

	function signature(secretId, timestamp, destination, body) {
		const key = crypto.createSecretKey({ secret: secretId, encoding: encode.Encoding.UTF_8 });
		const hmac = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key });
		hmac.update({ input: `${timestamp}\n${destination}\n${body}`, inputEncoding: encode.Encoding.UTF_8 });
		return `v2=${hmac.digest({ outputEncoding: encode.Encoding.HEX }).toLowerCase()}`;
	}

	function afterSubmit(context) {
		try {
			const script = runtime.getCurrentScript();
			const url = script.getParameter({ name: URL_PARAMETER });
			const secretId = script.getParameter({ name: SECRET_PARAMETER });
			if (!url || !secretId) {
				log.error({ title: 'n8n webhook not configured', details: `Set the script parameters ${URL_PARAMETER} and ${SECRET_PARAMETER}.` });
				return;
			}
			const destination = destinationOf(url, script.getParameter({ name: PATH_PARAMETER }));
			if (!destination) {
				log.error({
					title: 'n8n webhook not configured',
					details: `${URL_PARAMETER} has no /webhook/ or /webhook-test/ segment followed by the trigger's path: set ${PATH_PARAMETER} to the part of the trigger's Production URL after /webhook/.`,
				});
				return;
			}
			const body = JSON.stringify(eventOf(context));
			const timestamp = String(Math.floor(Date.now() / 1000));
			// One attempt only: N/https has no timeout option (NetSuite gives up after 5 s to connect,
			// 45 s to answer) and n8n answers as soon as the signature is checked.
			const response = https.post({
				url,
				body,
				headers: {
					'Content-Type': 'application/json',
					'X-SuiteTalk-Timestamp': timestamp,
					'X-SuiteTalk-Signature': signature(secretId, timestamp, destination, body),
				},
			});
			if (response.code < 200 || response.code > 299) {
				log.error({
					title: 'n8n webhook refused the event',
					// n8n's answer says why (e.g. which check refused the signature); it holds no secret.
					details: `HTTP ${response.code} for ${context.type} ${context.newRecord ? context.newRecord.type : ''}: ${String(response.body || '').slice(0, 300)}`,
				});
			}
		} catch (e) {
			// Never fail the user's save: the trigger's catch-up picks the change up later.
			log.error({ title: 'n8n webhook post failed', details: e && e.name ? `${e.name}: ${e.message}` : String(e) });
		}
	}

	return { afterSubmit };
});
