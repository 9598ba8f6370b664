import { render } from 'preact';
import { FamilyExplorer } from '../../components/family/FamilyExplorer';

render(<FamilyExplorer modelId={new URLSearchParams(location.search).get('model') ?? ''} />, document.getElementById('app')!);
