/**
 * The settings app: one form over the ccfm_settings option, saved through
 * core-data to /wp/v2/settings, validated as you type with the schema's
 * rules. Each panel lives in panels/ (the Messenger Platform's in
 * platform/); the form's state, fields and saving in form/.
 */
import { Panel } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { SettingsFormProvider } from './form/context';
import { SaveBar } from './form/save-bar';
import { useForm } from './form/use-form';
import { LiveStatus } from './live-status';
import { isConfigured } from './page-input';
import { AppearancePanel } from './panels/appearance';
import { ContextPanel } from './panels/context';
import { DiagnosticsPanel } from './panels/diagnostics';
import { DisplayRulesPanel } from './panels/display-rules';
import { EmbedCodePanel } from './panels/embed-code';
import { GreetingPanel } from './panels/greeting';
import { LanguagePanel } from './panels/language';
import { LoadingPanel } from './panels/loading';
import { PagePanel } from './panels/page';
import { FunnelPanel } from './funnel/panel';
import { ConversationsPanel } from './platform/conversations';
import { PlatformPanel } from './platform';
import { Preview } from './preview';
import { StoredStateNotice } from './stored-state';

export function App() {
	const { form, site, panel, saving } = useForm();
	if ( ! form ) {
		return <p>{ __( 'Loading…', 'customer-chat-for-messenger' ) }</p>;
	}
	const { settings } = form;
	// Settings only Meta's Chat Plugin uses are hidden in link mode.
	const chatPlugin = settings.mode !== 'link';
	return (
		<div className="ccfm-admin-wrap">
			{ site.saved && (
				<LiveStatus saved={ site.saved } dirty={ site.isDirty } />
			) }
			<div className="ccfm-admin">
				<div className="ccfm-admin__form">
					<StoredStateNotice />
					<SettingsFormProvider value={ form }>
						<Panel>
							<PagePanel { ...panel( 'page' ) } />
							<AppearancePanel { ...panel( 'appearance' ) } />
							<GreetingPanel { ...panel( 'greeting' ) } />
							{ chatPlugin && (
								<LanguagePanel { ...panel( 'language' ) } />
							) }
							{ chatPlugin && (
								<LoadingPanel { ...panel( 'loading' ) } />
							) }
							<DisplayRulesPanel />
							<ContextPanel />
							<EmbedCodePanel />
							<DiagnosticsPanel mode={ settings.mode } />
							<PlatformPanel mode={ settings.mode } />
							<ConversationsPanel />
							<FunnelPanel />
						</Panel>
					</SettingsFormProvider>
					<SaveBar
						onSave={ saving.save }
						isSaving={ site.isSaving }
						isDirty={ site.isDirty }
						notice={ saving.notice }
						onDismiss={ saving.dismissNotice }
						justSaved={ saving.justSaved }
					/>
				</div>
				<details className="ccfm-admin__preview" open>
					<summary>
						{ __( 'Preview', 'customer-chat-for-messenger' ) }
					</summary>
					<Preview
						settings={ settings }
						live={ isConfigured( settings ) }
					/>
				</details>
			</div>
		</div>
	);
}
