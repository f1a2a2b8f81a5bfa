import { describePrivacy } from './privacy.suite';

describePrivacy('disk');
