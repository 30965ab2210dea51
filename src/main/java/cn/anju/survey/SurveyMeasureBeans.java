package cn.anju.survey;

import cn.anju.shared.measure.Measure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The survey figures on the shared measure interface: one per satisfaction indicator, and the response rate. */
@Configuration(proxyBeanMethods = false)
class SurveyMeasureBeans {

    @Bean
    Measure satOverall(SurveyMeasures m) {
        return new SurveyMeasures.Satisfaction(m, SatisfactionIndicator.SAT_OVERALL);
    }

    @Bean
    Measure satRepairs(SurveyMeasures m) {
        return new SurveyMeasures.Satisfaction(m, SatisfactionIndicator.SAT_REPAIRS);
    }

    @Bean
    Measure satRentService(SurveyMeasures m) {
        return new SurveyMeasures.Satisfaction(m, SatisfactionIndicator.SAT_RENT_SERVICE);
    }

    @Bean
    Measure satComplaints(SurveyMeasures m) {
        return new SurveyMeasures.Satisfaction(m, SatisfactionIndicator.SAT_COMPLAINTS);
    }

    @Bean
    Measure satEnvironment(SurveyMeasures m) {
        return new SurveyMeasures.Satisfaction(m, SatisfactionIndicator.SAT_ENVIRONMENT);
    }

    @Bean
    Measure satStaff(SurveyMeasures m) {
        return new SurveyMeasures.Satisfaction(m, SatisfactionIndicator.SAT_STAFF);
    }

    @Bean
    Measure surveyResponseRate(SurveyMeasures m) {
        return new SurveyMeasures.ResponseRate(m);
    }
}
