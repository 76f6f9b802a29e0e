// lodash comes with n8n-workflow (its dependency); the editor builds action labels with startCase.
declare module 'lodash/startCase' {
	export default function startCase(text?: string): string;
}
