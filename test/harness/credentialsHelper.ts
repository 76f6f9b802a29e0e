// Stands in for n8n's CLI CredentialsHelper: keeps credential data in memory and applies a
// credential type's authenticate / preAuthentication the way n8n does.
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

export interface TestCredential {
	type: ICredentialType;
	data: ICredentialDataDecryptedObject;
}

/** n8n's own oAuth2Api base type, reduced to what n8n-core's OAuth2 request path reads. */
const oAuth2Api: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	properties: [],
};

export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, TestCredential>();
	/** Every preAuthentication run, by credential type (M2M token fetches). */
	readonly preAuthentications: string[] = [];

	constructor(credentials: Record<string, TestCredential> = {}) {
		super();
		for (const [name, credential] of Object.entries(credentials)) this.store.set(name, { ...credential, data: { ...credential.data } });
	}

	private typeOf(name: string): ICredentialType | undefined {
		return name === 'oAuth2Api' ? oAuth2Api : this.store.get(name)?.type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.typeOf(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.typeOf(typeName)?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		if (!type?.preAuthentication) return undefined;
		const expirable = type.properties.find((p: INodeProperties) => p.typeOptions?.expirable === true);
		if (!expirable) return undefined;
		if (!credentialsExpired && credentials[expirable.name]) return undefined;
		const output = await this.runPreAuthentication(helpers, credentials, typeName);
		if (output) await this.updateCredentials({ id: typeName, name: typeName }, typeName, { ...credentials, ...output });
		return output;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		if (!type?.preAuthentication) return undefined;
		this.preAuthentications.push(typeName);
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const data = this.data(type);
		return {
			id: nodeCredentials.id,
			name: nodeCredentials.name,
			type,
			getData: () => data,
			getDataToSave: () => ({ id: nodeCredentials.id, name: nodeCredentials.name, type, data: JSON.stringify(data) }),
			setData: () => undefined,
			updateData: () => undefined,
		} as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_details: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data(type) };
	}

	async updateCredentials(_details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const entry = this.store.get(type);
		if (entry) entry.data = { ...data };
	}

	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const entry = this.store.get(type);
		if (entry) entry.data = { ...entry.data, ...data };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.typeOf(type)?.properties ?? [];
	}

	data(type: string): ICredentialDataDecryptedObject {
		const entry = this.store.get(type);
		if (!entry) throw new Error(`No test credential of type ${type}`);
		return entry.data;
	}
}
