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
 *
 * @NApiVersion 2.1
 * @NScriptType UserEventScript
 * @NModuleScope SameAccount
 */
define(['N/https', 'N/runtime', 'N/log', 'N/crypto', 'N/encode'], (https, runtime, log, crypto, encode) => {
	const URL_PARAMETER = 'custscript_n8n_webhook_url';
	const SECRET_PARAMETER = 'custscript_n8n_webhook_secret';

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

	function signature(secretId, timestamp, body) {
		const key = crypto.createSecretKey({ secret: secretId, encoding: encode.Encoding.UTF_8 });
		const hmac = crypto.createHmac({ algorithm: crypto.HashAlg.SHA256, key });
		hmac.update({ input: `${timestamp}.${body}`, inputEncoding: encode.Encoding.UTF_8 });
		return `sha256=${hmac.digest({ outputEncoding: encode.Encoding.HEX }).toLowerCase()}`;
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
					'X-SuiteTalk-Signature': signature(secretId, timestamp, body),
				},
			});
			if (response.code < 200 || response.code > 299) {
				log.error({
					title: 'n8n webhook refused the event',
					details: `HTTP ${response.code} for ${context.type} ${context.newRecord ? context.newRecord.type : ''}`,
				});
			}
		} catch (e) {
			// Never fail the user's save: the trigger's catch-up picks the change up later.
			log.error({ title: 'n8n webhook post failed', details: e && e.name ? `${e.name}: ${e.message}` : String(e) });
		}
	}

	return { afterSubmit };
});
