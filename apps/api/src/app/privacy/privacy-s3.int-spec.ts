import { describePrivacy } from './privacy.suite';

describePrivacy('s3');
